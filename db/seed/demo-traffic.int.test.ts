import { and, eq, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { sloAlerts, slos } from "@/db/schema/slo";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { continueDemoTraffic } from "./demo-traffic";

const t = withTestDatabase();
beforeAll(async () => {
  await demo(t.db);
});

const MIN = 60_000;

describe("the demo's continuing traffic", () => {
  it("fills each SLO up to now with rollups in step, and the ongoing burn keeps its page open", async () => {
    const later = Date.now() + 20 * MIN;
    const written = await continueDemoTraffic(t.db, later);
    // Eleven SLOs with traffic, four or five new buckets each.
    expect(written).toBeGreaterThanOrEqual(11 * 4);
    const [latest] = rowsOf<{ behind: number }>(
      await t.db.execute(sql`select max(${later} - extract(epoch from b.bucket_start) * 1000)::float8 as behind
        from (select slo_id, max(bucket_start) as bucket_start from sli_buckets group by 1) b`),
    );
    expect(Number(latest.behind)).toBeLessThan(5 * MIN);
    const [sums] = rowsOf<{ raw: number; hourly: number; daily: number }>(
      await t.db.execute(sql`select (select sum(total) from sli_buckets)::float8 as raw,
        (select sum(total) from sli_hourly)::float8 as hourly, (select sum(total) from sli_daily)::float8 as daily`),
    );
    expect([Number(sums.hourly), Number(sums.daily)]).toEqual([Number(sums.raw), Number(sums.raw)]);
    const [payments] = await t.db.select().from(slos).where(eq(slos.name, "Payment authorisation success"));
    const open = await t.db
      .select()
      .from(sloAlerts)
      .where(and(eq(sloAlerts.sloId, payments.id), isNull(sloAlerts.resolvedAt)));
    expect(open.map((a) => a.rule)).toContain("page_fast");
    // Nothing to add a second time at the same moment.
    expect(await continueDemoTraffic(t.db, later)).toBe(0);
  });
});
