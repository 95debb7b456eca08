import { sql } from "drizzle-orm";
import { getHandle } from "@/db/client";
import { logger } from "@/lib/ops/logger";
import { jobGauges } from "@/lib/ops/metrics";
import { refreshAllScorecards } from "./scorecard-store";

const HOUR = 60 * 60 * 1000;

/**
 * Time alone can change a level (a verification turns 91 days old), so levels are
 * recomputed hourly. On PostgreSQL a transaction-level advisory lock lets exactly one
 * node do it per tick however many run.
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

/** One run of the job, as the timer makes it: errors are logged, never thrown. */
export function scorecardTick() {
  const started = performance.now();
  return refreshScorecardsOnce()
    .then((n) => {
      const seconds = (performance.now() - started) / 1000;
      jobGauges().lastSuccess.set({ job: "scorecards" }, Date.now() / 1000);
      jobGauges().duration.set({ job: "scorecards" }, seconds);
      logger.info({ services: n, seconds }, "scorecards refreshed");
    })
    .catch((err) => logger.error({ err }, "scorecard refresh failed"));
}

export function startScorecardJob() {
  const tick = () => void scorecardTick();
  setTimeout(tick, 30_000).unref();
  setInterval(tick, HOUR).unref();
}
