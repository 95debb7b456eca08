import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { sloAlerts } from "@/db/schema/slo";
import { webhookDeliveries, webhooks } from "@/db/schema/webhooks";
import { cliActor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/command/execute";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { pushMeasurements } from "./measurement-commands";
import { dropExpired, ensurePartitions, partitionName } from "./partitions";
import { createSlo } from "./slo-commands";
import { evaluateAllAlerts } from "./slo-jobs";
import { BUCKET_MS, bucketOf, DAY_MS, HOUR_MS } from "./windows";

const t = withTestDatabase();
let n = 0;
beforeAll(async () => {
  await demo(t.db);
});

async function newSlo(minEvents = 10, service = "refunds") {
  const r = await executeCommand(createSlo, cliActor, {
    service,
    name: `Job test ${++n}`,
    sliKind: "ratio",
    target: 0.999,
    window: { type: "rolling", days: 30 },
    minEvents,
  });
  if (!r.ok) throw new Error(r.error);
  return r.data.id;
}

const hour = (bad: number, endAt = Date.now()) =>
  Array.from({ length: 12 }, (_, i) => ({
    start: new Date(bucketOf(endAt) - (11 - i) * BUCKET_MS).toISOString(),
    good: 1000 - bad,
    total: 1000,
  }));

describe("alerts reach the webhooks", () => {
  it("an alert that fires records a delivery for each subscribed webhook, in the ingesting transaction", async () => {
    const [hook] = await t.db
      .insert(webhooks)
      .values({ url: "https://hooks.example.com/slo", events: ["slo.alert.fired"], secret: "whsec_test" })
      .returning();
    const id = await newSlo();
    await executeCommand(pushMeasurements, cliActor, { id, buckets: hour(50) });
    const deliveries = await t.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.webhookId, hook.id));
    const fired = deliveries.filter((d) => d.eventType === "slo.alert.fired");
    expect(fired.length).toBeGreaterThanOrEqual(1);
    expect(fired[0].envelope).toMatchObject({
      type: "slo.alert.fired",
      data: { slo: { id }, alert: { rule: "page_fast" } },
    });
  });
});

describe("the schedule", () => {
  it("resolves an alert once time alone has moved its windows past the burn", async () => {
    const id = await newSlo();
    // A burn two hours ago: firing then, not now.
    const then = Date.now() - 2 * HOUR_MS;
    await executeCommand(pushMeasurements, cliActor, { id, buckets: hour(50, then) });
    // As evaluated at the time (the ingestion looks at now, so record the firing as of then).
    await evaluateAllAlerts(then);
    const open = await t.db.select().from(sloAlerts).where(eq(sloAlerts.sloId, id));
    expect(open.some((a) => a.rule === "page_fast" && a.resolvedAt === null)).toBe(true);
    const result = await evaluateAllAlerts();
    expect(result.evaluated).toBeGreaterThan(0);
    const after = await t.db.select().from(sloAlerts).where(eq(sloAlerts.sloId, id));
    expect(after.find((a) => a.rule === "page_fast")?.resolvedAt).toBeInstanceOf(Date);
  });
});

describe("retention", () => {
  it("drops whole months past the horizon and keeps the rest", async () => {
    const now = Date.now();
    const old = now - 500 * DAY_MS;
    const recent = now - 10 * DAY_MS;
    await ensurePartitions([old, recent], t.db);
    const partitions = async () =>
      rowsOf<{ name: string }>(
        await t.db.execute(sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
          join pg_class p on p.oid = i.inhparent where p.relname = 'sli_buckets'`),
      ).map((r) => r.name);
    expect(await partitions()).toEqual(expect.arrayContaining([partitionName(old), partitionName(recent)]));
    const dropped = await dropExpired(now, 400, t.db);
    expect(dropped).toContain(partitionName(old));
    expect(await partitions()).toContain(partitionName(recent));
    expect(await partitions()).not.toContain(partitionName(old));
  });
});

describe("the catalog's budget-freeze filter", () => {
  it("lists the services an SLO of which has spent its budget, as the last evaluation saw it", async () => {
    const { listServices } = await import("@/lib/catalog/queries");
    const { parseCatalogFilter } = await import("@/lib/catalog/list-filter");
    const params = new URLSearchParams("frozen=1");
    const filter = parseCatalogFilter((k) => params.get(k) ?? undefined);
    const frozen = async () =>
      (await listServices(t.db, filter, { pageSize: 50, offset: 0 })).items.map((s) => s.slug);
    const before = await frozen();
    expect(before).toContain("fraud-scoring");
    expect(before).not.toContain("invoicing");
    const id = await newSlo(10, "invoicing");
    await executeCommand(pushMeasurements, cliActor, { id, buckets: hour(500) });
    expect(await frozen()).toEqual([...before, "invoicing"].sort());
  });
});
