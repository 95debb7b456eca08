import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { teamMembers, teams } from "@/db/schema";
import { type Actor, can } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { fail } from "@/lib/command/result";

/**
 * Whether the caller may change what `teamId` owns: members of the team, and whoever holds
 * `override` (admins: `service.update_any` for the catalog, `slo.update_any` for SLOs — each
 * with its own token scope, so an admin's SLO-only token can still act on every SLO).
 */
export async function mayEditTeamServices(
  db: Queryable,
  actor: Actor,
  teamId: string | null,
  override: Permission = "service.update_any",
): Promise<boolean> {
  if (actor.kind === "system" || can(actor, override)) return true;
  if (!teamId) return false;
  const [row] = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, actor.user.id)));
  return Boolean(row);
}

export async function assertMayEdit(
  db: Queryable,
  actor: Actor,
  teamId: string | null,
  what: string,
  override: Permission = "service.update_any",
) {
  if (!(await mayEditTeamServices(db, actor, teamId, override))) {
    throw fail.forbidden(`Only members of the owning team (or an admin) may ${what}.`);
  }
}

/** Team ids for slugs, failing with a field error naming the unknown ones. */
export async function teamIdBySlug(db: Queryable, slug: string, field = "ownerTeam"): Promise<string> {
  const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.slug, slug));
  if (!team) throw fail.invalid(`Unknown team "${slug}".`, { [field]: `Unknown team "${slug}".` });
  return team.id;
}

export async function teamSlugs(db: Queryable, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db.select({ id: teams.id, slug: teams.slug }).from(teams).where(inArray(teams.id, ids));
  return new Map(rows.map((r) => [r.id, r.slug]));
}
