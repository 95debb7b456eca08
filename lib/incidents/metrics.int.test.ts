import { inArray } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { services } from "@/db/schema/catalog";
import { type IncidentStatus, incidentServices, incidents, SEVERITIES } from "@/db/schema/incidents";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { incidentMetricsSql, weeklyImpactSql } from "./metrics";
import { type IncidentTimes, incidentMetrics, weeklyImpact } from "./metrics-math";

const t = withTestDatabase();
const HOUR = 3_600_000;
const BASE = Date.parse("2026-09-01T00:00:00Z");
type Seeded = IncidentTimes & { id: string; severity: (typeof SEVERITIES)[number]; serviceSlugs: string[] };
const seeded: Seeded[] = [];
const SLUGS = ["payments-api", "ledger", "checkout-api"];

/** Sixty incidents over three months from a fixed seed: open ones, overlaps, cancellations, edge-spanning ones. */
beforeAll(async () => {
  await demo(t.db);
  const rows = await t.db
    .select({ id: services.id, slug: services.slug })
    .from(services)
    .where(inArray(services.slug, SLUGS));
  const idOf = new Map(rows.map((r) => [r.slug, r.id]));
  const sample = fc.sample(
    fc.record({
      start: fc.integer({ min: -240, max: 24 * 92 }),
      detect: fc.integer({ min: 0, max: 3 }),
      declare: fc.integer({ min: 0, max: 2 }),
      ack: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
      resolve: fc.option(fc.integer({ min: 0, max: 72 }), { nil: null, freq: 6 }),
      noImpact: fc.boolean(),
      status: fc.constantFrom<IncidentStatus>("resolved", "resolved", "closed", "cancelled", "duplicate"),
      severity: fc.constantFrom(...SEVERITIES),
      services: fc.subarray(SLUGS, { minLength: 1 }),
    }),
    { numRuns: 60, seed: 42 },
  );
  for (const s of sample) {
    const impact = BASE + s.start * HOUR;
    const detected = impact + s.detect * HOUR;
    const declared = detected + s.declare * HOUR;
    const acknowledged = s.ack === null ? null : declared + s.ack * HOUR;
    const resolved = s.resolve === null ? null : (acknowledged ?? declared) + s.resolve * HOUR;
    const status: IncidentStatus = resolved === null ? "open" : s.status === "closed" ? "resolved" : s.status;
    const times = {
      impactStartedAt: s.noImpact ? null : new Date(impact),
      detectedAt: s.noImpact ? null : new Date(detected),
      declaredAt: new Date(declared),
      acknowledgedAt: acknowledged === null ? null : new Date(acknowledged),
      mitigatedAt: resolved === null ? null : new Date(resolved),
      resolvedAt: resolved === null ? null : new Date(resolved),
    };
    const [row] = await t.db
      .insert(incidents)
      .values({ title: "Seeded", severity: s.severity, status, ...times })
      .returning({ id: incidents.id });
    await t.db
      .insert(incidentServices)
      .values(s.services.map((slug) => ({ incidentId: row.id, serviceId: idOf.get(slug) as string })));
    seeded.push({ id: row.id, status, severity: s.severity, serviceSlugs: s.services, ...times });
  }
});

const periods = [
  { from: new Date(BASE), to: new Date(BASE + 92 * 24 * HOUR) },
  { from: new Date(BASE + 10 * 24 * HOUR), to: new Date(BASE + 40 * 24 * HOUR) },
  { from: new Date(BASE - 30 * 24 * HOUR), to: new Date(BASE - 20 * 24 * HOUR) },
];

const close = (a: number | null, b: number | null) => {
  if (a === null || b === null) return expect(a).toBe(b);
  expect(a).toBeCloseTo(b, 3);
};

describe("the SQL metrics equal the reference", () => {
  it.each(periods.map((p, i) => [i, p] as const))(
    "period %i, for everything and per severity and service",
    async (_, period) => {
      const all = (await incidentMetricsSql(t.db, {}, period)).get("all");
      const expected = incidentMetrics(seeded, period);
      expect(all?.incidents ?? 0).toBe(expected.incidents);
      expect(all?.open ?? 0).toBe(expected.open);
      for (const m of ["mttd", "mtta", "mttr"] as const) {
        expect(all?.[m].count ?? 0).toBe(expected[m].count);
        close(all?.[m].meanSeconds ?? null, expected[m].meanSeconds);
        close(all?.[m].medianSeconds ?? null, expected[m].medianSeconds);
        close(all?.[m].p90Seconds ?? null, expected[m].p90Seconds);
      }
      close(all?.mtbf.downtimeSeconds ?? 0, expected.mtbf.downtimeSeconds);
      close(all?.mtbf.seconds ?? null, expected.mtbf.seconds);

      const bySeverity = await incidentMetricsSql(t.db, {}, period, "severity");
      const byService = await incidentMetricsSql(t.db, {}, period, "service");
      for (const sev of SEVERITIES) {
        const ref = incidentMetrics(
          seeded.filter((s) => s.severity === sev),
          period,
        );
        expect(bySeverity.get(sev)?.incidents ?? 0).toBe(ref.incidents);
        close(bySeverity.get(sev)?.mttr.p90Seconds ?? null, ref.mttr.p90Seconds);
      }
      for (const slug of SLUGS) {
        const ref = incidentMetrics(
          seeded.filter((s) => s.serviceSlugs.includes(slug)),
          period,
        );
        const scoped = (await incidentMetricsSql(t.db, { service: slug }, period)).get("all");
        expect(byService.get(slug)?.incidents ?? 0).toBe(ref.incidents);
        close(byService.get(slug)?.mtbf.downtimeSeconds ?? 0, ref.mtbf.downtimeSeconds);
        expect(scoped?.incidents ?? 0).toBe(ref.incidents);
        close(scoped?.mttd.medianSeconds ?? null, ref.mttd.medianSeconds);
      }
    },
  );

  it.each(periods.map((p, i) => [i, p] as const))(
    "weekly counts and impact minutes, period %i",
    async (_, period) => {
      const sqlWeeks = await weeklyImpactSql(t.db, {}, period);
      const ref = weeklyImpact(seeded, period);
      expect(sqlWeeks.map((w) => w.weekStart)).toEqual(ref.map((w) => w.weekStart.toISOString()));
      expect(sqlWeeks.map((w) => w.incidents)).toEqual(ref.map((w) => w.incidents));
      for (const [i, w] of sqlWeeks.entries()) close(w.impactMinutes, ref[i].impactMinutes);
    },
  );

  it("an empty period has no figures and full uptime", async () => {
    const period = { from: new Date(BASE - 400 * 24 * HOUR), to: new Date(BASE - 390 * 24 * HOUR) };
    expect((await incidentMetricsSql(t.db, {}, period)).get("all")).toBeUndefined();
    expect(incidentMetrics(seeded, period).mtbf.seconds).toBeNull();
    expect(
      (await weeklyImpactSql(t.db, {}, period)).every((w) => w.incidents === 0 && w.impactMinutes === 0),
    ).toBe(true);
  });
});
