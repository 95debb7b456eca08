import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { serviceDependencies, services, teamMembers, teams, users } from "@/db/schema";
import { type AuditInput, recordAuditBatch } from "@/lib/audit/record";
import { defineCommand } from "@/lib/command/define";
import { CommandError } from "@/lib/command/result";
import { plural } from "@/lib/plural";
import type { ServiceImport } from "../backstage/types";
import { refreshScorecards } from "../scorecard-store";
import { importFileInput } from "./input";
import { reportProgress } from "./jobs";
import { planImport } from "./plan";

export { MAX_IMPORT_BYTES } from "./limits";

const CHUNK = 500;
/** Entities written at which an import counts as a bulk load. */
const BULK = 500;

function columns(s: ServiceImport, ownerTeamId: string | null) {
  const { dependsOn: _d, ownerTeam: _o, lastDrTestAt, ...rest } = s;
  return { ...rest, ownerTeamId, lastDrTestAt: lastDrTestAt ? new Date(lastDrTestAt) : null };
}

/**
 * Imports a Backstage catalog-info.yaml: all or nothing. The file is read while the input is
 * parsed, before the transaction opens; the plan is made inside it, so it is the truth at
 * write time. Any error entity aborts the whole import with the per-entity report.
 * Importing the same file twice changes nothing.
 */
export const importCatalog = defineCommand({
  name: "catalog.import",
  permission: "service.create",
  input: importFileInput.extend({
    jobId: z.string().max(100).optional(),
    /** Apply updates that remove data (a dependency, link or owner, a lower tier) too. */
    confirmRemovals: z.boolean().default(false),
  }),
  async run({ tx, actor, audit }, input) {
    reportProgress(input.jobId, "planning", 0, 0);
    const plan = await planImport(tx, actor, input.yaml);
    if (!plan.ok) {
      throw new CommandError(
        "invalid",
        `${plural(plan.counts.error, { one: "entity has", other: "entities have" })} problems; nothing was imported.`,
        undefined,
        plan,
      );
    }
    if (plan.warnings && !input.confirmRemovals) {
      throw new CommandError(
        "conflict",
        `${plural(plan.warnings, { one: "update removes", other: "updates remove" })} data (see the warnings); confirm the removals to import, or change the file. Nothing was imported.`,
        undefined,
        plan,
      );
    }
    const total =
      plan.teams.create.length +
      plan.teams.update.length +
      plan.users.create.length +
      plan.users.update.length +
      plan.services.create.length +
      plan.services.update.length;
    let done = 0;
    const tick = (n: number) => {
      done += n;
      reportProgress(input.jobId, "writing", done, total);
    };
    const auditRows: AuditInput[] = [];

    if (plan.teams.create.length) {
      const created = await tx.insert(teams).values(plan.teams.create).returning();
      for (const t of created)
        auditRows.push({ action: "team.create", entityType: "team", entityId: t.id, after: t });
      tick(created.length);
    }
    for (const t of plan.teams.update) {
      const [after] = await tx
        .update(teams)
        .set({ name: t.name, description: t.description, updatedAt: new Date() })
        .where(eq(teams.slug, t.slug))
        .returning();
      auditRows.push({ action: "team.update", entityType: "team", entityId: after.id, after });
      tick(1);
    }
    const teamIds = new Map(
      (await tx.select({ id: teams.id, slug: teams.slug }).from(teams)).map((t) => [t.slug, t.id]),
    );

    await writeUsers(tx, plan.users.create, plan.users.update, teamIds, auditRows);
    tick(plan.users.create.length + plan.users.update.length);

    const creates = plan.services.create;
    for (let i = 0; i < creates.length; i += CHUNK) {
      const chunk = creates.slice(i, i + CHUNK);
      await tx
        .insert(services)
        .values(chunk.map((s) => columns(s, s.ownerTeam ? (teamIds.get(s.ownerTeam) ?? null) : null)));
      for (const s of chunk)
        auditRows.push({ action: "service.create", entityType: "service", entityId: s.slug, after: s });
      tick(chunk.length);
    }
    // Rows are locked in slug order, as every importer takes them, so two imports that touch the
    // same services wait for each other instead of deadlocking.
    const updates = [...plan.services.update].sort((a, b) =>
      a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0,
    );
    for (const s of updates) {
      await tx
        .update(services)
        .set({
          ...columns(s, s.ownerTeam ? (teamIds.get(s.ownerTeam) ?? null) : null),
          updatedAt: new Date(),
        })
        .where(eq(services.slug, s.slug));
      auditRows.push({ action: "service.update", entityType: "service", entityId: s.slug, after: s });
      tick(1);
    }

    const touched = [...creates, ...plan.services.update];
    const affectedIds = await replaceDependencies(tx, touched);
    reportProgress(input.jobId, "scoring", total, total);
    await refreshScorecards(tx, affectedIds);
    await recordAuditBatch(tx, actor, auditRows);
    const summary = { counts: plan.counts, services: touched.length };
    await audit({ entityType: "catalog", entityId: "import", after: summary });
    return { ...plan, services: undefined, teams: undefined, users: undefined, applied: true };
  },
  // A bulk load leaves dead row versions (scorecards are stamped after the insert), no
  // planner statistics and no visibility map, and autovacuum may be off: tidy up now rather
  // than serve the first pages from sequential scans over the leftovers.
  async afterCommit(db, result) {
    if (result.counts.create + result.counts.update < BULK) return;
    await db.execute(sql`vacuum (analyze) ${services}, ${serviceDependencies}, ${teams}`);
  },
});

async function writeUsers(
  tx: Tx,
  create: { email: string; name: string; teams: string[] }[],
  update: typeof create,
  teamIds: Map<string, string>,
  auditRows: AuditInput[],
) {
  for (const u of [...create, ...update]) {
    const [row] = create.includes(u)
      ? await tx.insert(users).values({ email: u.email, name: u.name, role: "viewer" }).returning()
      : await tx
          .update(users)
          .set({ name: u.name, updatedAt: new Date() })
          .where(eq(users.email, u.email))
          .returning();
    const ids = u.teams.map((t) => teamIds.get(t)).filter((id): id is string => Boolean(id));
    if (ids.length)
      await tx
        .insert(teamMembers)
        .values(ids.map((teamId) => ({ teamId, userId: row.id })))
        .onConflictDoNothing();
    auditRows.push({
      action: create.includes(u) ? "user.create" : "user.update",
      entityType: "user",
      entityId: row.id,
      after: { email: u.email, name: u.name, teams: u.teams },
    });
  }
}

/** Sets each imported service's outgoing edges to exactly what the file says. */
async function replaceDependencies(tx: Tx, touched: ServiceImport[]) {
  if (!touched.length) return [];
  const slugs = [...new Set([...touched.map((s) => s.slug), ...touched.flatMap((s) => s.dependsOn)])];
  const ids = new Map<string, string>();
  for (let i = 0; i < slugs.length; i += 5000) {
    const rows = await tx
      .select({ id: services.id, slug: services.slug })
      .from(services)
      .where(inArray(services.slug, slugs.slice(i, i + 5000)));
    for (const r of rows) ids.set(r.slug, r.id);
  }
  const sourceIds = touched.map((s) => ids.get(s.slug)!);
  for (let i = 0; i < sourceIds.length; i += 5000) {
    await tx
      .delete(serviceDependencies)
      .where(and(inArray(serviceDependencies.serviceId, sourceIds.slice(i, i + 5000))));
  }
  const edges = touched.flatMap((s) =>
    [...new Set(s.dependsOn)].map((d) => ({ serviceId: ids.get(s.slug)!, dependsOnId: ids.get(d)! })),
  );
  for (let i = 0; i < edges.length; i += 2000)
    await tx.insert(serviceDependencies).values(edges.slice(i, i + 2000));
  return sourceIds;
}
