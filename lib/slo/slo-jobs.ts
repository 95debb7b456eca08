import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { services } from "@/db/schema/catalog";
import { slos } from "@/db/schema/slo";
import { sliRetentionDays } from "@/lib/config/env";
import { defineJob } from "@/lib/jobs/define";
import { logger } from "@/lib/ops/logger";
import { evaluateAlerts } from "./alerts";
import { dropExpired, preparePartitions } from "./partitions";

const CHUNK = 200;

/**
 * Every live SLO's burn-rate rules evaluated at now, a chunk of SLOs per transaction (so a
 * large organisation never holds one long transaction). Ingestion evaluates its own SLO at
 * once; this catches what time alone changes: a burn that stopped because no data came, a
 * window that moved past an outage, a budget that recovered.
 */
export async function evaluateAllAlerts(now = Date.now()) {
  let after = "00000000-0000-0000-0000-000000000000";
  let evaluated = 0;
  let changes = 0;
  for (;;) {
    const rows = await getDb()
      .select({ slo: slos })
      .from(slos)
      .innerJoin(services, eq(services.id, slos.serviceId))
      .where(and(isNull(services.archivedAt), gt(slos.id, after)))
      .orderBy(asc(slos.id))
      .limit(CHUNK);
    if (!rows.length) break;
    const ids = rows.map((r) => r.slo.id);
    changes += (
      await getDb().transaction(async (tx) => {
        // Evaluated as they are now, locked: a definition changed since the page was read is
        // judged by its new target, and an SLO an ingestion holds is left to that ingestion
        // (which evaluates it itself).
        const locked = await tx
          .select()
          .from(slos)
          .where(inArray(slos.id, ids))
          .orderBy(asc(slos.id))
          .for("update", { skipLocked: true });
        return evaluateAlerts(tx, locked, now);
      })
    ).length;
    evaluated += ids.length;
    after = ids.at(-1)!;
  }
  return { evaluated, changes };
}

/** Every five minutes: the schedule half of "evaluated after each ingestion and on a schedule". */
export const evaluateAlertsJob = defineJob({
  name: "slo.evaluate-alerts",
  schedule: "*/5 * * * *",
  retryLimit: 1,
  retryDelay: 30,
  async handler() {
    const result = await evaluateAllAlerts();
    logger.info(result, "SLO alerts evaluated");
  },
});

/** Daily: next month's partition made ahead, and months past the retention dropped whole. */
export const slosRetentionJob = defineJob({
  name: "slo.partitions",
  schedule: "17 3 * * *",
  retryLimit: 2,
  retryDelay: 300,
  async handler() {
    const now = Date.now();
    const days = sliRetentionDays();
    await preparePartitions(now, days);
    const dropped = await dropExpired(now, days);
    logger.info({ dropped, retentionDays: days }, "SLI partitions maintained");
  },
});
