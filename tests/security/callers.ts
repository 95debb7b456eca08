import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Role } from "@/db/schema/enums";
import { addTeamMember } from "@/lib/admin/team-commands";
import { type Actor, cliActor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/command/execute";
import { makeUser } from "../actors";
import { overScopedToken } from "../api/helpers";

/** The kinds of people the authorisation tests call as; the engineers differ only in team. */
export const PEOPLE = [
  "viewer",
  "engineer-other-team",
  "engineer-owning-team",
  "change_manager",
  "admin",
] as const;
export type Person = (typeof PEOPLE)[number];

/** Token scope families: the shorthands, per-resource scopes, and the narrow CI scope. */
export const SCOPE_FAMILIES = [
  ["read"],
  ["write"],
  ["admin"],
  ["catalog:read"],
  ["catalog:write"],
  ["people:read"],
  ["admin:read"],
  ["admin:write"],
  ["slo:measurements"],
  ["slo:read"],
  ["slo:write"],
  ["incidents:read"],
  ["incidents:write"],
] as const;

/** The team that owns the services the tests touch (payments in the demo organisation). */
export const OWNING_TEAM = "payments";

const roleOf = (person: Person): Role => (person.startsWith("engineer") ? "engineer" : (person as Role));

export async function makePerson(db: Db, person: Person) {
  const { user, actor } = await makeUser(db, roleOf(person));
  const team =
    person === "engineer-other-team" ? "identity" : person === "engineer-owning-team" ? OWNING_TEAM : null;
  if (team) {
    const added = await executeCommand(addTeamMember, cliActor, { team, email: user.email });
    if (!added.ok) throw new Error(added.error);
  }
  return { user, actor: actor as Actor };
}

/**
 * A token for `person` carrying exactly `scopes`, inserted directly so that scopes beyond the
 * role exist too: the point is to prove the role still limits them.
 */
export async function tokenOf(db: Db, person: Person, scopes: readonly string[]) {
  const { user } = await makePerson(db, person);
  const { token } = await overScopedToken(db, roleOf(person), [...scopes], user.id);
  return { user, token };
}

/** Row counts of everything a refused call could have written; equal before and after means nothing was. */
export async function footprint(db: Db) {
  const rows = await db.execute(sql`select
    (select count(*) from audit_log) as audit,
    (select count(*) from services) as services,
    (select coalesce(max(updated_at)::text, '') from services) as services_updated,
    (select count(*) from service_dependencies) as dependencies,
    (select count(*) from teams) as teams,
    (select count(*) from team_members) as members,
    (select count(*) from users) as users,
    (select coalesce(max(updated_at)::text, '') from users) as users_updated,
    (select count(*) from api_tokens) as tokens,
    (select count(*) from api_tokens where revoked_at is not null) as revoked,
    (select count(*) from saved_views) as views,
    (select count(*) from user_preferences) as preferences,
    (select count(*) from catalog_locations) as locations,
    (select coalesce(max(updated_at)::text, '') from catalog_locations) as locations_updated,
    (select count(*) from webhooks) as webhooks,
    (select coalesce(max(updated_at)::text, '') from webhooks) as webhooks_updated,
    (select count(*) from webhook_deliveries) as deliveries,
    (select count(*) from jobs) as jobs,
    (select count(*) from slos) as slos,
    (select coalesce(max(updated_at)::text, '') from slos) as slos_updated,
    (select count(*) from slo_versions) as slo_versions,
    (select coalesce(sum(total), 0)::text from sli_buckets) as sli_events,
    (select count(*) from budget_adjustments) as adjustments,
    (select count(*) from slo_alerts) as alerts,
    (select count(*) from incidents) as incidents,
    (select coalesce(max(updated_at)::text, '') from incidents) as incidents_updated,
    (select count(*) from incident_events) as incident_events,
    (select count(*) from incident_participants) as participants,
    (select count(*) from incident_participants where left_at is not null) as participants_left,
    (select count(*) from incidents where problem_id is not null) as incidents_linked,
    (select count(*) from incident_participants where left_at is null) as seats,
    (select count(*) from postmortems) as postmortems,
    (select coalesce(max(updated_at)::text, '') from postmortems) as postmortems_updated,
    (select count(*) from postmortem_reviewers where approved_at is not null) as approvals,
    (select count(*) from problems) as problems,
    (select coalesce(max(updated_at)::text, '') from problems) as problems_updated,
    (select count(*) from action_items) as action_items,
    (select coalesce(max(updated_at)::text, '') from action_items) as action_items_updated,
    (select count(*) from problem_suggestions where state <> 'open') as suggestions_decided,
    (select count(*) from problem_suggestions where state = 'open') as open_suggestions`);
  const list = (rows as unknown as { rows?: unknown[] }).rows ?? (rows as unknown as unknown[]);
  return JSON.stringify(list[0]);
}
