import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { services } from "@/db/schema/catalog";
import { slos } from "@/db/schema/slo";
import { evaluateAlerts } from "@/lib/slo/alerts";
import { ensurePartitions } from "@/lib/slo/partitions";
import { BUCKET_MS, bucketOf } from "@/lib/slo/windows";
import { DEMO_SLOS, generateHistory } from "./demo-slos";

/** At most this much is filled in at once: a demo left off for a week resumes with its last day. */
const CATCH_UP_MS = 24 * 60 * 60_000;
/** How long the seed's ongoing burn (payment authorisation failing) goes on after the seed. */
const BURN_LASTS_MS = 6 * 60 * 60_000;

/**
 * Keeps the demo's SLOs alive: every minute (PHAROS_DEMO_TRAFFIC=1, which `npm run demo`
 * sets), each demo SLO with traffic gets the buckets since its last one, from the same
 * generator as its history — errors around its rate, and for the first hours after the seed
 * the burn that was going on (payment authorisation keeps failing, so its page stays open
 * while someone looks) — with their rollups, then its alerts evaluated.
 * Written straight into the tables, as the seed is: no audit row a minute per SLO.
 */
export async function continueDemoTraffic(db: Db, now = Date.now()) {
  const demo = await db
    .select({ slo: slos, slug: services.slug })
    .from(slos)
    .innerJoin(services, eq(services.id, slos.serviceId))
    .where(
      and(
        inArray(
          slos.name,
          DEMO_SLOS.map((d) => d.definition.name),
        ),
        inArray(
          services.slug,
          DEMO_SLOS.map((d) => d.service),
        ),
      ),
    );
  const end = bucketOf(now);
  const [seeded] = rowsOf<{ at: number | null }>(
    await db.execute(
      sql`select extract(epoch from min(at)) * 1000 as at from audit_log where action = 'seed.demo'`,
    ),
  );
  const burning = seeded?.at !== null && seeded?.at !== undefined && now - Number(seeded.at) < BURN_LASTS_MS;
  await ensurePartitions([end], db);
  let written = 0;
  await db.transaction(async (tx) => {
    for (const { slo, slug } of demo) {
      const spec = DEMO_SLOS.find((d) => d.service === slug && d.definition.name === slo.name);
      if (!spec || spec.peak === null) continue;
      const [last] = rowsOf<{ at: number | null }>(
        await tx.execute(
          sql`select extract(epoch from max(bucket_start)) * 1000 as at from sli_buckets where slo_id = ${slo.id}::uuid`,
        ),
      );
      const start = Math.max(Number(last?.at ?? 0) + BUCKET_MS, end - CATCH_UP_MS);
      if (start > end) continue;
      // Only a burn that ran up to the seed goes on, for a few hours; past episodes stay past.
      const ongoing = {
        ...spec,
        episodes: burning ? (spec.episodes ?? []).filter((e) => e.toAgoMs === 0) : [],
      };
      await generateHistory(tx, slo.id, ongoing, start, end, true);
      written += (end - start) / BUCKET_MS + 1;
    }
    await evaluateAlerts(
      tx,
      demo.map((d) => d.slo),
      now,
    );
  });
  return written;
}
