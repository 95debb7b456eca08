import { and, asc, eq, gt, isNull } from "drizzle-orm";
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
    const batch = rows.map((r) => r.slo);
    changes += (await getDb().transaction((tx) => evaluateAlerts(tx, batch, now))).length;
    evaluated += batch.length;
    after = batch.at(-1)!.id;
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
