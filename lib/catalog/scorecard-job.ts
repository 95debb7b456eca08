import { sql } from "drizzle-orm";
import { getHandle } from "@/db/client";
import { defineJob } from "@/lib/jobs/define";
import { logger } from "@/lib/ops/logger";
import { refreshAllScorecards } from "./scorecard-store";

/**
 * Time alone can change a level (a verification turns 91 days old), so levels are
 * recomputed hourly. On PostgreSQL a transaction-level advisory lock lets exactly one
 * node do it at a time however many ask.
 */
export async function refreshScorecardsOnce() {
  const handle = getHandle();
  return handle.db.transaction(async (tx) => {
    if (handle.kind === "postgres") {
      const rows = (await tx.execute(
        sql`select pg_try_advisory_xact_lock(hashtext('pharos:scorecards')) as locked`,
      )) as unknown as { locked: boolean }[];
      if (!rows[0]?.locked) return 0;
    }
    return refreshAllScorecards(tx);
  });
}

/**
 * Hourly, at minute 7 (away from the top of the hour, when everyone's cron fires), on one
 * node: the queue runs each tick once, and the advisory lock above still guards a run
 * started by hand beside it.
 */
export const refreshScorecardsJob = defineJob({
  name: "catalog.refresh-scorecards",
  schedule: "7 * * * *",
  retryLimit: 2,
  retryDelay: 60,
  async handler() {
    const services = await refreshScorecardsOnce();
    logger.info({ services }, "scorecards refreshed");
  },
});
