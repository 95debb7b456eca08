import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { type CatalogLocation, catalogLocations, type LocationPlan } from "@/db/schema";
import { actorUserId, can } from "@/lib/auth/actor";
import { type CommandContext, defineCommand } from "@/lib/command/define";
import { fail } from "@/lib/command/result";
import { importCatalog } from "../import/apply";
import { MAX_IMPORT_BYTES, tooLargeMessage } from "../import/limits";
import { type ImportPlan, planImport, readCatalogFile } from "../import/plan";
import { locationAudit, locationJson } from "./json";
import { applyLocationInput, locationIdInput, registerLocationInput } from "./schemas";

/*
 * Catalog locations reuse the import: a refresh is its dry run (`planImport`) and, when that
 * has no errors and takes nothing away, the import itself (`importCatalog.run`) in the same
 * transaction, so the location's result and the catalog change commit together.
 */

const ENTITY = "catalog_location";

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The import's own steps, audited under the import's name as when it is run directly. */
function importContext(ctx: CommandContext): CommandContext {
  return { ...ctx, audit: (entry) => ctx.audit({ action: importCatalog.name, ...entry }) };
}

async function lockLocation(ctx: CommandContext, id: string): Promise<CatalogLocation> {
  const [row] = await ctx.tx.select().from(catalogLocations).where(eq(catalogLocations.id, id)).for("update");
  if (!row) throw fail.notFound("No such catalog location.");
  return row;
}

/** What a reviewer needs of a plan: every row with its diff and warnings, not the entities to write. */
function reviewOf(plan: ImportPlan): LocationPlan {
  return { rows: plan.rows, counts: plan.counts, warnings: plan.warnings };
}

export const registerLocation = defineCommand({
  name: "catalog.location_register",
  permission: importCatalog.permission,
  input: registerLocationInput,
  async run({ tx, actor, audit }, input) {
    const [taken] = await tx
      .select({ id: catalogLocations.id })
      .from(catalogLocations)
      .where(eq(catalogLocations.url, input.url));
    if (taken)
      throw fail.conflict("This URL is already registered.", { url: "This URL is already registered." });
    const [row] = await tx
      .insert(catalogLocations)
      .values({
        url: input.url,
        headerName: input.headerName ?? null,
        headerValue: input.headerValue ?? null,
        createdById: actorUserId(actor),
      })
      .returning();
    await audit({ entityType: ENTITY, entityId: row.id, after: locationAudit(row) });
    return locationJson(row, actor.kind === "user" ? actor.user.name : null);
  },
});

export const deleteLocation = defineCommand({
  name: "catalog.location_delete",
  permission: importCatalog.permission,
  input: locationIdInput,
  async run(ctx, { id }) {
    const row = await lockLocation(ctx, id);
    if (row.createdById !== actorUserId(ctx.actor) && !can(ctx.actor, "service.update_any"))
      throw fail.forbidden("Only who registered a location, or an admin, may remove it.");
    await ctx.tx.delete(catalogLocations).where(eq(catalogLocations.id, id));
    await ctx.audit({ entityType: ENTITY, entityId: id, before: locationAudit(row) });
    return { id, deleted: true as const };
  },
});

/** A fetched file is read into entities while the input is parsed, before the transaction opens. */
const fetchedInput = z.union([
  z
    .object({
      ok: z.literal(true),
      text: z.string().refine((t) => Buffer.byteLength(t, "utf8") <= MAX_IMPORT_BYTES, tooLargeMessage()),
    })
    .transform(({ text }) => ({ ok: true as const, text, file: readCatalogFile(text) })),
  z.object({ ok: z.literal(false), error: z.string().max(2000) }),
]);

/**
 * Records one refresh of a location from the file just fetched (or the reason it could not
 * be): applied when the dry run has no errors and no losses, unchanged when it changes
 * nothing, held for review (with the file and its diff) when it would take data away, failed
 * otherwise. The import runs with the caller's rights, so a location imports no more than
 * the person refreshing it (or, on the schedule, who registered it) may.
 */
export const refreshCatalogLocation = defineCommand({
  name: "catalog.location_refresh",
  permission: importCatalog.permission,
  input: z.object({ id: z.uuid(), fetched: fetchedInput }),
  async run(ctx, { id, fetched }) {
    const row = await lockLocation(ctx, id);
    const now = new Date();
    const cleared = { lastError: null, lastPlan: null, heldYaml: null, heldHash: null, lastCounts: null };
    let outcome: Partial<CatalogLocation>;
    let applied: Awaited<ReturnType<typeof importCatalog.run>> | undefined;
    if (!fetched.ok) {
      outcome = { ...cleared, lastResult: "failed", lastError: fetched.error };
    } else {
      const plan = await planImport(ctx.tx, ctx.actor, fetched.file);
      const review = { lastPlan: reviewOf(plan), lastCounts: plan.counts };
      if (!plan.ok) {
        const n = plan.counts.error;
        outcome = {
          ...cleared,
          ...review,
          lastResult: "failed",
          lastError: `${n} ${n === 1 ? "entity has" : "entities have"} problems; nothing was imported.`,
        };
      } else if (plan.warnings) {
        outcome = {
          ...cleared,
          ...review,
          lastResult: "held",
          heldYaml: fetched.text,
          heldHash: sha256(fetched.text),
        };
      } else if (plan.counts.create + plan.counts.update === 0) {
        outcome = { ...cleared, lastResult: "unchanged", lastCounts: plan.counts };
      } else {
        applied = await importCatalog.run(importContext(ctx), { yaml: fetched.file, confirmRemovals: false });
        outcome = { ...cleared, lastResult: "applied", lastCounts: applied.counts };
      }
    }
    const [updated] = await ctx.tx
      .update(catalogLocations)
      .set({ ...outcome, lastResultAt: now, checkedAt: now, claimedAt: null, updatedAt: now })
      .where(eq(catalogLocations.id, id))
      .returning();
    await ctx.audit({
      entityType: ENTITY,
      entityId: id,
      before: locationAudit(row),
      after: locationAudit(updated),
    });
    return { id, result: updated.lastResult!, error: updated.lastError, applied };
  },
  afterCommit: async (db, result) => {
    if (result.applied) await importCatalog.afterCommit?.(db, result.applied);
  },
});

/**
 * Applies a held refresh: exactly the file that was reviewed, with the removals it shows
 * when the reviewer confirms them (without, the import's own 409 answers and nothing
 * changes). The file is read inside the transaction here, as it lives in the row.
 */
export const applyHeldLocation = defineCommand({
  name: "catalog.location_apply",
  permission: importCatalog.permission,
  input: applyLocationInput,
  async run(ctx, input) {
    const row = await lockLocation(ctx, input.id);
    if (row.lastResult !== "held" || row.heldYaml === null)
      throw fail.conflict("Nothing is held for review on this location.");
    if (input.heldHash && input.heldHash !== row.heldHash)
      throw fail.conflict("A newer refresh is held since you looked; review it again.");
    const applied = await importCatalog.run(importContext(ctx), {
      yaml: readCatalogFile(row.heldYaml),
      confirmRemovals: input.confirmRemovals,
    });
    const now = new Date();
    const [updated] = await ctx.tx
      .update(catalogLocations)
      .set({
        lastResult: "applied",
        lastResultAt: now,
        lastError: null,
        lastPlan: null,
        heldYaml: null,
        heldHash: null,
        lastCounts: applied.counts,
        updatedAt: now,
      })
      .where(eq(catalogLocations.id, input.id))
      .returning();
    await ctx.audit({
      entityType: ENTITY,
      entityId: row.id,
      before: locationAudit(row),
      after: locationAudit(updated),
    });
    return { id: row.id, result: "applied" as const, applied };
  },
  afterCommit: async (db, result) => {
    await importCatalog.afterCommit?.(db, result.applied);
  },
});
