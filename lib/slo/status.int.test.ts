import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { budgetAdjustments, slos } from "@/db/schema/slo";
import { cliActor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/command/execute";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { type Bucket, evaluateStatus } from "./evaluate";
import { pushMeasurements } from "./measurement-commands";
import { createSlo } from "./slo-commands";
import { statusOf } from "./status";
import { BUCKET_MS, bucketOf, HOUR_MS } from "./windows";

/*
 * The SQL-backed status (rollups, range decomposition, exclusions subtracted before the
 * reads) against the reference evaluator over raw buckets (lib/slo/evaluate.ts), for random
 * definitions, data and adjustments: the same numbers, to float precision.
 */

const t = withTestDatabase();
let n = 0;
beforeAll(async () => {
  await demo(t.db);
});

const NOW = bucketOf(Date.now()) + 2 * 60_000;

const definition = fc.record({
  target: fc.constantFrom(0.9, 0.99, 0.995, 0.999),
  window: fc.oneof(
    fc.constantFrom(7, 28, 30).map((days) => ({ type: "rolling" as const, days })),
    fc
      .constantFrom("week", "month")
      .chain((unit) =>
        fc
          .constantFrom("UTC", "Europe/Berlin", "Asia/Kolkata", "America/New_York")
          .map((timeZone) => ({ type: "calendar" as const, unit, timeZone })),
      ),
  ),
  budgeting: fc.oneof(
    fc.constant({ method: "occurrences" as const }),
    fc.record({
      method: fc.constant("timeslices" as const),
      sliceMinutes: fc.constantFrom(5, 15, 60),
      sliceTarget: fc.constantFrom(0.9, 0.99),
    }),
  ),
  minEvents: fc.constantFrom(0, 20, 500),
});

/** Buckets in the last ~10 days: dense near now (burn windows), sparse further back. */
const buckets = fc
  .uniqueArray(fc.oneof(fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 2_880 })), {
    minLength: 0,
    maxLength: 120,
  })
  .chain((offsets) =>
    fc.tuple(
      ...offsets.map((o) =>
        fc
          .integer({ min: 0, max: 200 })
          .chain((total) =>
            fc
              .integer({ min: 0, max: total })
              .map((good) => ({ start: bucketOf(NOW) - o * BUCKET_MS, good, total })),
          ),
      ),
    ),
  );

const adjustments = fc.array(
  fc.record({
    agoMinutes: fc.integer({ min: 0, max: 6_000 }),
    durationMinutes: fc.integer({ min: 1, max: 600 }),
  }),
  { maxLength: 3 },
);

describe("status from the database equals the reference evaluator", () => {
  it("for random definitions, buckets and adjustments", async () => {
    await fc.assert(
      fc.asyncProperty(definition, buckets, adjustments, async (def, data, adj) => {
        const created = await executeCommand(createSlo, cliActor, {
          service: "payments-api",
          name: `Differential ${++n}`,
          sliKind: "ratio",
          ...def,
        });
        if (!created.ok) throw new Error(created.error);
        const id = created.data.id;
        const rows = (data as Bucket[]).filter((b) => b.total > 0 || b.good === 0);
        if (rows.length) {
          const pushed = await executeCommand(pushMeasurements, cliActor, {
            id,
            buckets: rows.map((b) => ({
              start: new Date(b.start).toISOString(),
              good: b.good,
              total: b.total,
            })),
          });
          if (!pushed.ok) throw new Error(pushed.error);
        }
        const intervals = adj.map((a) => {
          const start = NOW - a.agoMinutes * 60_000;
          return { start, end: start + a.durationMinutes * 60_000 };
        });
        for (const i of intervals)
          await t.db.insert(budgetAdjustments).values({
            sloId: id,
            startsAt: new Date(i.start),
            durationMinutes: (i.end - i.start) / 60_000,
            reason: "differential",
          });
        const [row] = await t.db.select().from(slos).where(sql`${slos.id} = ${id}::uuid`);
        const fromDb = (await statusOf(t.db, [row], { now: NOW, full: true })).get(id)!;
        const expected = evaluateStatus({ ...def }, rows, intervals, NOW);
        expect(fromDb.total).toBe(expected.counts.total);
        expect(fromDb.good).toBe(expected.counts.good);
        expect(fromDb.slices).toEqual(expected.slices);
        const close = (a: number | null, b: number | null) =>
          a === null || b === null ? expect(a).toBe(b) : expect(a).toBeCloseTo(b, 9);
        close(fromDb.sli, expected.sli);
        close(fromDb.budgetRemaining, expected.budgetRemaining);
        for (const w of Object.keys(expected.burnRates) as (keyof typeof expected.burnRates)[])
          close(fromDb.burnRates![w], expected.burnRates[w]);
        close(fromDb.budgetMinutesRemaining, expected.equivalentMinutesRemaining);
        expect(fromDb.alerts!.map((a) => [a.rule, a.firing, a.guarded])).toEqual(
          expected.alerts.map((a) => [a.rule, a.firing, a.guarded]),
        );
        expect(fromDb.state).toBe(expected.state);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it("reads a 35-day-old bucket through the daily rollup exactly as through the raw table", async () => {
    const created = await executeCommand(createSlo, cliActor, {
      service: "ledger",
      name: "Rollup edge",
      sliKind: "ratio",
      target: 0.99,
      window: { type: "rolling", days: 90 },
    });
    if (!created.ok) throw new Error(created.error);
    const id = created.data.id;
    const data = [35 * 24, 26, 25, 1].map((h, i) => ({
      start: bucketOf(NOW - h * HOUR_MS),
      good: 90 + i,
      total: 100,
    }));
    await executeCommand(pushMeasurements, cliActor, {
      id,
      buckets: data.map((b) => ({ ...b, start: new Date(b.start).toISOString() })),
    });
    const [row] = await t.db.select().from(slos).where(sql`${slos.id} = ${id}::uuid`);
    const fromDb = (await statusOf(t.db, [row], { now: NOW, full: true })).get(id)!;
    expect([fromDb.good, fromDb.total]).toEqual([90 + 91 + 92 + 93, 400]);
  });
});
