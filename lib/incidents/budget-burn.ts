import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { services } from "@/db/schema/catalog";
import { incidentServices } from "@/db/schema/incidents";
import { slos } from "@/db/schema/slo";
import { type CountGroup, countsFor, sliceCountsFor } from "@/lib/slo/counts";
import { windowOf } from "@/lib/slo/definition";
import { BUCKET_MS, bucketOf, windowAt } from "@/lib/slo/windows";

export type BudgetBurn = {
  sloId: string;
  sloName: string;
  serviceSlug: string;
  /** Bad events (or bad slices) inside the incident's impact. */
  bad: number;
  /**
   * The share of the SLO's error budget those cost: bad ÷ ((1 − target) × everything the SLO
   * counted in its window ending when the impact did). The shares of all incidents add up
   * to at most the budget the window spent; null when the window saw no traffic.
   */
  burned: number | null;
};

export type ImpactSpan = { id: string; start: Date; end: Date | null };

/** What each incident cost the SLOs of its services; incidents on services without SLOs get []. */
export async function budgetBurned(db: Queryable, spans: readonly ImpactSpan[], now = Date.now()) {
  const out = new Map<string, BudgetBurn[]>(spans.map((s) => [s.id, []]));
  if (!spans.length) return out;
  const rows = await db
    .select({ incidentId: incidentServices.incidentId, slo: slos, serviceSlug: services.slug })
    .from(incidentServices)
    .innerJoin(services, and(eq(services.id, incidentServices.serviceId), isNull(services.archivedAt)))
    .innerJoin(slos, eq(slos.serviceId, services.id))
    .where(
      inArray(
        incidentServices.incidentId,
        spans.map((s) => s.id),
      ),
    );
  if (!rows.length) return out;
  const byId = new Map(spans.map((s) => [s.id, s]));
  const occurrences: CountGroup[] = [];
  const slices: (CountGroup & { sliceMinutes: number; sliceTarget: number })[] = [];
  for (const [i, row] of rows.entries()) {
    const span = byId.get(row.incidentId) as ImpactSpan;
    const endMs = Math.min(span.end?.getTime() ?? now, now);
    // Whole buckets that overlap the impact: counts are only known per 5 minutes.
    const during = { start: bucketOf(span.start.getTime()), end: bucketOf(endMs - 1) + BUCKET_MS };
    const window = windowAt(windowOf(row.slo), endMs);
    const timeslices = row.slo.budgeting === "timeslices" && row.slo.sliceMinutes && row.slo.sliceTarget;
    for (const [part, interval] of [
      ["during", during],
      ["window", { start: window.start, end: window.end }],
    ] as const) {
      const group = { key: `${i}:${part}`, sloIds: [row.slo.id], intervals: [interval] };
      if (timeslices)
        slices.push({
          ...group,
          sliceMinutes: row.slo.sliceMinutes as number,
          sliceTarget: row.slo.sliceTarget as number,
        });
      else occurrences.push(group);
    }
  }
  const [counts, sliceCounts] = await Promise.all([countsFor(db, occurrences), sliceCountsFor(db, slices)]);
  for (const [i, row] of rows.entries()) {
    const read = (part: string) =>
      counts.get(`${i}:${part}|${row.slo.id}`) ??
      sliceCounts.get(`${i}:${part}|${row.slo.id}`) ?? { good: 0, total: 0 };
    const during = read("during");
    const window = read("window");
    const bad = during.total - during.good;
    const allowed = (1 - row.slo.target) * window.total;
    out.get(row.incidentId)?.push({
      sloId: row.slo.id,
      sloName: row.slo.name,
      serviceSlug: row.serviceSlug,
      bad,
      burned: window.total > 0 ? bad / allowed : null,
    });
  }
  return out;
}
