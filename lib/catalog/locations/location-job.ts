import { and, asc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { getHandle } from "@/db/client";
import { catalogLocations, users } from "@/db/schema";
import { type Actor, can } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/command/execute";
import { defineJob } from "@/lib/jobs/define";
import { logger } from "@/lib/ops/logger";
import { refreshCatalogLocation } from "./location-commands";
import { refreshLocation } from "./refresh";

const MINUTE = 60_000;
/** A location is due when its file was last fetched longer ago than this. */
export const REFRESH_EVERY_MS = 30 * MINUTE;
/** A claim older than this belongs to a node that died mid-refresh: the location is due again. */
const CLAIM_EXPIRES_MS = 5 * MINUTE;

const scheduler: Actor = { kind: "system", via: "system", label: "catalog location schedule" };

/**
 * Takes the most overdue location (never fetched first, then the longest ago) for this tick.
 * On PostgreSQL a transaction-level advisory lock lets one node choose per tick; the claim it
 * stamps, committed before the fetch, makes the next tick on any node choose another — so
 * the fetch itself runs outside every transaction.
 */
export async function claimMostOverdue(now = new Date()) {
  const handle = getHandle();
  return handle.db.transaction(async (tx) => {
    if (handle.kind === "postgres") {
      const rows = (await tx.execute(
        sql`select pg_try_advisory_xact_lock(hashtext('pharos:catalog-locations')) as locked`,
      )) as unknown as { locked: boolean }[];
      if (!rows[0]?.locked) return null;
    }
    const due = new Date(now.getTime() - REFRESH_EVERY_MS);
    const claimExpired = new Date(now.getTime() - CLAIM_EXPIRES_MS);
    const [row] = await tx
      .select({ id: catalogLocations.id, createdById: catalogLocations.createdById })
      .from(catalogLocations)
      .where(
        and(
          or(isNull(catalogLocations.checkedAt), lt(catalogLocations.checkedAt, due)),
          or(isNull(catalogLocations.claimedAt), lt(catalogLocations.claimedAt, claimExpired)),
        ),
      )
      .orderBy(sql`${catalogLocations.checkedAt} asc nulls first`, asc(catalogLocations.createdAt))
      .limit(1);
    if (!row) return null;
    await tx.update(catalogLocations).set({ claimedAt: now }).where(eq(catalogLocations.id, row.id));
    return row;
  });
}

/** Who registered the location, as they are now: a deactivated or demoted person imports nothing. */
async function registrant(userId: string | null): Promise<Actor | null> {
  if (!userId) return null;
  const [user] = await getHandle()
    .db.select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      off: users.deactivatedAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || user.off) return null;
  const actor: Actor = {
    kind: "user",
    via: "schedule",
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
  };
  return can(actor, refreshCatalogLocation.permission) ? actor : null;
}

/** One tick: refreshes the most overdue location, if any is due; its outcome is on the location. */
export async function refreshMostOverdue(now?: Date) {
  const claimed = await claimMostOverdue(now);
  if (!claimed) return null;
  const actor = await registrant(claimed.createdById);
  const result = actor
    ? await refreshLocation(actor, claimed.id)
    : await executeCommand(refreshCatalogLocation, scheduler, {
        id: claimed.id,
        fetched: {
          ok: false,
          error:
            "Who registered this location may no longer import; someone who may should register it again.",
        },
      });
  return { id: claimed.id, result };
}

/** Every minute, on one node: refreshes the most overdue location, if one is due. */
export const refreshLocationsJob = defineJob({
  name: "catalog.refresh-locations",
  schedule: "* * * * *",
  // The next tick is a minute away and takes the next overdue location anyway.
  retryLimit: 0,
  async handler() {
    const done = await refreshMostOverdue();
    if (done)
      logger.info(
        { location: done.id, result: done.result.ok ? done.result.data.result : done.result.code },
        "catalog location refreshed",
      );
  },
});
