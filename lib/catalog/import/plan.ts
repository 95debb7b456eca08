import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { type Service, services, teamMembers, teams, users } from "@/db/schema";
import { descriptionField, emailField, nameField, slugField } from "@/lib/admin/schemas";
import { type Actor, can } from "@/lib/auth/actor";
import { plural, pluralWord } from "@/lib/plural";
import { mapDocuments } from "../backstage/map";
import { parseCatalogYaml } from "../backstage/parse";
import type { ImportEntity, MapResult, ServiceImport, TeamImport, UserImport } from "../backstage/types";
import { edgesFrom } from "../edges";
import { createServiceInput, SERVICE_COLUMN_FIELDS, type ServiceColumnField } from "../schemas";
import { changedFields, type FieldChange, fieldChanges, losses, mergeStated } from "./merge";

export type Action = "create" | "update" | "unchanged" | "skipped" | "error";
/**
 * One entity's fate. An update lists the fields it changes (`changes`), each with its value
 * before → after (`diff`), and what it would take away (`warnings`).
 */
export type PlanRow = {
  ref: string;
  kind: string;
  action: Action;
  reason?: string;
  changes?: string[];
  diff?: FieldChange[];
  warnings?: string[];
};
export type ImportPlan = {
  rows: PlanRow[];
  counts: Record<Action, number>;
  services: { create: ServiceImport[]; update: ServiceImport[] };
  teams: { create: TeamImport[]; update: TeamImport[] };
  users: { create: UserImport[]; update: UserImport[] };
  ok: boolean;
  /** Updates that remove data: the real run applies them only when they are confirmed. */
  warnings: number;
};

export function toServiceImport(s: Service, ownerTeam: string | null, dependsOn: string[]): ServiceImport {
  const columns = Object.fromEntries(SERVICE_COLUMN_FIELDS.map((field) => [field, s[field]]));
  return {
    ...(columns as Pick<Service, ServiceColumnField>),
    slug: s.slug,
    lastDrTestAt: s.lastDrTestAt?.toISOString() ?? null,
    annotations: s.annotations,
    ownerTeam,
    dependsOn,
  };
}

/** The same rules a team or user made in Pharos itself must meet. */
const teamInput = z.object({ slug: slugField, name: nameField, description: descriptionField });
const userInput = z.object({ email: emailField, name: nameField });

const issues = (error: z.ZodError) =>
  error.issues.map((i) => `${i.path.join(".") || "entity"}: ${i.message}`).join("; ");

/** A catalog-info.yaml read into entities: no I/O, so it is done before any transaction opens. */
export function readCatalogFile(yaml: string): MapResult {
  return mapDocuments(parseCatalogYaml(yaml));
}

/**
 * Decides, entity by entity, what importing a catalog-info.yaml (its text, or the entities
 * `readCatalogFile` read from it) would do — without writing. References must resolve
 * within the file or to what Pharos already has; anything that does not, or that the caller
 * may not change, is an error that blocks the whole import.
 */
export async function planImport(db: Queryable, actor: Actor, file: string | MapResult): Promise<ImportPlan> {
  const mapped = typeof file === "string" ? readCatalogFile(file) : file;
  // A "skipped" note about part of an entity that is imported (a resource dependency) is a
  // note on that entity's row, not a skipped entity of its own.
  const importedRefs = new Set(mapped.entities.map((e) => e.ref));
  const notes = new Map<string, string[]>();
  for (const s of mapped.skipped)
    if (importedRefs.has(s.ref))
      notes.set(s.ref, [...(notes.get(s.ref) ?? []), s.reason.replace(`${s.ref}: `, "")]);
  const rows: PlanRow[] = [
    ...mapped.errors.map((e) => ({
      ref: e.ref,
      kind: e.ref.split(":")[0],
      action: "error" as const,
      reason: e.error,
    })),
    ...mapped.skipped
      .filter((s) => !importedRefs.has(s.ref))
      .map((s) => ({ ref: s.ref, kind: s.ref.split(":")[0], action: "skipped" as const, reason: s.reason })),
  ];
  const byKind = <K extends ImportEntity["kind"]>(kind: K) =>
    mapped.entities.filter((e): e is Extract<ImportEntity, { kind: K }> => e.kind === kind);
  const fileServices = byKind("service");
  const fileTeams = byKind("team");
  const fileUsers = byKind("user");

  const [teamRows, serviceRows, userRows, myTeams] = await Promise.all([
    db.select().from(teams),
    fileServices.length
      ? db
          .select()
          .from(services)
          .where(
            inArray(
              services.slug,
              fileServices.map((s) => s.data.slug),
            ),
          )
      : Promise.resolve([] as Service[]),
    fileUsers.length
      ? db
          .select()
          .from(users)
          .where(
            inArray(
              users.email,
              fileUsers.map((u) => u.data.email),
            ),
          )
      : Promise.resolve([]),
    actor.kind === "user"
      ? db
          .select({ teamId: teamMembers.teamId })
          .from(teamMembers)
          .where(eq(teamMembers.userId, actor.user.id))
      : Promise.resolve([]),
  ]);
  const edges = await edgesFrom(
    db,
    serviceRows.map((s) => s.id),
  );
  const teamBySlug = new Map(teamRows.map((t) => [t.slug, t]));
  const teamSlugById = new Map(teamRows.map((t) => [t.id, t.slug]));
  const knownTeams = new Set([...teamBySlug.keys(), ...fileTeams.map((t) => t.data.slug)]);
  const existingServices = new Map(serviceRows.map((s) => [s.slug, s]));
  const fileSlugs = new Set(fileServices.map((s) => s.data.slug));
  const dependsOf = new Map<string, string[]>();
  for (const e of edges) dependsOf.set(e.from, [...(dependsOf.get(e.from) ?? []), e.to]);
  const knownServiceSlugs = fileSlugs.size
    ? new Set([
        ...fileSlugs,
        // Dependencies a service keeps because the file does not state its own.
        ...[...dependsOf.values()].flat(),
        ...(await existingSlugs(
          db,
          fileServices.flatMap((s) => s.data.dependsOn),
        )),
      ])
    : fileSlugs;
  const mayManageTeams = can(actor, "team.manage");
  const mayManageUsers = can(actor, "user.manage");
  const mayEditAny = actor.kind === "system" || can(actor, "service.update_any");
  const memberOf = new Set(myTeams.map((m) => teamSlugById.get(m.teamId)));

  const plan: ImportPlan = {
    rows,
    counts: { create: 0, update: 0, unchanged: 0, skipped: 0, error: 0 },
    services: { create: [], update: [] },
    teams: { create: [], update: [] },
    users: { create: [], update: [] },
    ok: true,
    warnings: 0,
  };

  for (const { ref, data } of fileTeams) {
    const valid = teamInput.safeParse(data);
    if (!valid.success) {
      rows.push({ ref, kind: "group", action: "error", reason: issues(valid.error) });
      continue;
    }
    const current = teamBySlug.get(data.slug);
    const changes = current ? (["name", "description"] as const).filter((k) => current[k] !== data[k]) : [];
    const action: Action = !current ? "create" : changes.length ? "update" : "unchanged";
    if (action !== "unchanged" && !mayManageTeams)
      rows.push({ ref, kind: "group", action: "error", reason: "Only admins may create or change teams." });
    else {
      rows.push({ ref, kind: "group", action, changes: action === "update" ? [...changes] : undefined });
      if (action !== "unchanged") plan.teams[action].push(data);
    }
  }

  for (const { ref, data: incoming, stated } of fileServices) {
    const current = existingServices.get(incoming.slug);
    const currentOwner = current?.ownerTeamId ? (teamSlugById.get(current.ownerTeamId) ?? null) : null;
    const before = current
      ? toServiceImport(current, currentOwner, dependsOf.get(incoming.slug) ?? [])
      : null;
    // On an existing service the file replaces what it states and leaves the rest alone.
    const data = before ? mergeStated(before, incoming, stated) : incoming;
    const problems: string[] = [];
    if (data.ownerTeam && !knownTeams.has(data.ownerTeam))
      problems.push(`owner group:default/${data.ownerTeam} is neither in this file nor in Pharos`);
    // A service nobody owns exports as the placeholder group; importing that back keeps it
    // unowned rather than refusing it. A new service still needs an owner.
    const staysUnowned = current !== undefined && !currentOwner && !data.ownerTeam;
    if (!data.ownerTeam && !staysUnowned) problems.push("a Component needs spec.owner");
    const dangling = data.dependsOn.filter((d) => !knownServiceSlugs.has(d));
    const valid = (
      staysUnowned ? createServiceInput.omit({ ownerTeam: true }) : createServiceInput
    ).safeParse(data);
    if (!valid.success) problems.push(issues(valid.error));
    if (dangling.length)
      problems.push(
        `dependsOn ${dangling.map((d) => `component:default/${d}`).join(", ")} ${pluralWord(dangling.length, { one: "is", other: "are" })} neither in this file nor in Pharos`,
      );
    const changes = before ? changedFields(before, data) : [];
    const action: Action = !current ? "create" : changes.length ? "update" : "unchanged";
    if (action !== "unchanged" && !mayEditAny) {
      if (!memberOf.has(data.ownerTeam ?? "") || (current && !memberOf.has(currentOwner ?? "")))
        problems.push("you may only import services owned by your teams");
    }
    if (problems.length) rows.push({ ref, kind: "component", action: "error", reason: problems.join("; ") });
    else if (action === "update" && before) {
      const warnings = losses(before, data);
      rows.push({
        ref,
        kind: "component",
        action,
        changes,
        diff: fieldChanges(before, data),
        ...(warnings.length ? { warnings } : {}),
      });
      plan.warnings += warnings.length ? 1 : 0;
      plan.services.update.push(data);
    } else {
      rows.push({ ref, kind: "component", action });
      if (action === "create") plan.services.create.push(data);
    }
  }

  const existingUsers = new Map(userRows.map((u) => [u.email, u]));
  for (const { ref, data } of fileUsers) {
    const valid = userInput.safeParse(data);
    if (!valid.success) {
      rows.push({ ref, kind: "user", action: "error", reason: issues(valid.error) });
      continue;
    }
    const unknown = data.teams.filter((t) => !knownTeams.has(t));
    const current = existingUsers.get(data.email);
    // Memberships are compared by the planner's caller at apply time; names decide "update" here.
    const action: Action = !current ? "create" : current.name !== data.name ? "update" : "unchanged";
    if (unknown.length)
      rows.push({
        ref,
        kind: "user",
        action: "error",
        reason: `memberOf ${unknown.map((t) => `group:default/${t}`).join(", ")} is neither in this file nor in Pharos`,
      });
    else if (action !== "unchanged" && !mayManageUsers)
      rows.push({ ref, kind: "user", action: "error", reason: "Only admins may create or change users." });
    else {
      rows.push({ ref, kind: "user", action, changes: action === "update" ? ["name"] : undefined });
      if (action !== "unchanged") plan.users[action].push(data);
    }
  }

  for (const { ref, data } of byKind("grouping")) {
    const members = fileServices.filter((s) =>
      data.type === "system" ? s.data.system === data.name : s.data.businessDomain === data.name,
    ).length;
    rows.push({
      ref,
      kind: data.type,
      action: "skipped",
      reason: `kept as the ${data.type} grouping of ${plural(members, { one: "service", other: "services" })}, not as an entity of its own`,
    });
  }

  for (const row of rows) {
    plan.counts[row.action] += 1;
    const note = notes.get(row.ref);
    if (note && row.action !== "error") row.reason = note.join("; ");
  }
  plan.ok = plan.counts.error === 0;
  return plan;
}

async function existingSlugs(db: Queryable, slugs: string[]) {
  const unique = [...new Set(slugs)];
  if (!unique.length) return [];
  const rows = await db.select({ slug: services.slug }).from(services).where(inArray(services.slug, unique));
  return rows.map((r) => r.slug);
}
