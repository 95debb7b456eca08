import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { sliBuckets, sliDaily, sliHourly, sloAlerts, slos, sloVersions } from "@/db/schema/slo";
import { executeCommand } from "@/lib/command/execute";
import { runQuery } from "@/lib/query/run";
import { call, send, tokenFor } from "@/tests/api/helpers";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { evaluateAlerts } from "./alerts";
import { pushMeasurements } from "./measurement-commands";
import { budgetFreeze } from "./queries";
import { sloRead } from "./reads";
import { createSlo, patchSlo } from "./slo-commands";
import { BUCKET_MS, bucketOf } from "./windows";

const t = withTestDatabase();
let people: Awaited<ReturnType<typeof demo>>;
let n = 0;

beforeAll(async () => {
  people = await demo(t.db);
});

const definition = (extra: Record<string, unknown> = {}) => ({
  service: "payments-api",
  name: `Availability ${++n}`,
  sliKind: "ratio",
  target: 0.999,
  window: { type: "rolling", days: 30 },
  ...extra,
});

async function newSlo(extra: Record<string, unknown> = {}) {
  const r = await executeCommand(createSlo, people.engineer, definition(extra));
  if (!r.ok) throw new Error(`${r.code}: ${r.error} ${JSON.stringify(r.fieldErrors)}`);
  return r.data.id;
}

/** `count` buckets ending with the one holding now, each `total` events of which `bad` failed. */
function buckets(count: number, total: number, bad: number, endAt = Date.now()) {
  const last = bucketOf(endAt);
  return Array.from({ length: count }, (_, i) => ({
    start: new Date(last - (count - 1 - i) * BUCKET_MS).toISOString(),
    good: total - bad,
    total,
  }));
}

const status = async (id: string) => {
  const r = await runQuery(sloRead, people.viewer, { id });
  if (!r.ok) throw new Error(r.error);
  return r.data;
};

describe("defining SLOs", () => {
  it("creates version 1, and a change makes version 2 naming what changed", async () => {
    const id = await newSlo();
    const changed = await executeCommand(patchSlo, people.engineer, { id, target: 0.99 });
    expect(changed.ok && changed.data.changed).toEqual(["target"]);
    const versions = await t.db.select().from(sloVersions).where(eq(sloVersions.sloId, id));
    expect(versions.map((v) => [v.version, v.changed])).toEqual([
      [1, []],
      [2, ["target"]],
    ]);
    expect((await status(id)).definition.target).toBe(0.99);
  });

  it("refuses a target of 1 or 0, an unknown time zone and a slice target outside (0, 1), writing nothing", async () => {
    const bad = [
      [{ target: 1 }, "target"],
      [{ target: 0 }, "target"],
      [{ window: { type: "calendar", unit: "month", timeZone: "Mars/Olympus" } }, "window.timeZone"],
      [{ budgeting: { method: "timeslices", sliceMinutes: 5, sliceTarget: 1 } }, "budgeting.sliceTarget"],
      [{ sliKind: "latency" }, "latencyThresholdMs"],
    ] as const;
    for (const [extra, field] of bad) {
      const r = await executeCommand(createSlo, people.engineer, definition(extra));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(Object.keys(r.fieldErrors ?? {})).toContain(field);
    }
  });

  it("refuses an SLO on another team's service (403) and a duplicate name (409)", async () => {
    const other = await executeCommand(
      createSlo,
      people.engineer,
      definition({ service: "postgres-primary" }),
    );
    expect(!other.ok && other.code).toBe("forbidden");
    const id = await newSlo({ name: "Checkout latency" });
    expect(id).toBeTruthy();
    const twice = await executeCommand(createSlo, people.engineer, definition({ name: "checkout LATENCY" }));
    expect(!twice.ok && twice.fieldErrors?.name).toMatch(/already has an SLO/);
  });
});

describe("pushing measurements", () => {
  it("writes buckets and keeps the hourly and daily rollups equal to their sums, replacing on a retry", async () => {
    const id = await newSlo();
    const first = await executeCommand(pushMeasurements, people.engineer, {
      id,
      buckets: buckets(30, 1000, 2),
    });
    expect(first.ok && first.data.written).toBe(30);
    // The same starts again with new counts: replaced, not added.
    const again = await executeCommand(pushMeasurements, people.engineer, {
      id,
      buckets: buckets(30, 500, 1),
    });
    expect(again.ok && [again.data.written, again.data.replaced]).toEqual([30, 30]);
    const sums = async (table: typeof sliBuckets | typeof sliHourly | typeof sliDaily) => {
      const [row] = await t.db
        .select({ good: sql<number>`sum(good)::float8`, total: sql<number>`sum(total)::float8` })
        .from(table)
        .where(eq(table.sloId, id));
      return [Number(row.good), Number(row.total)];
    };
    expect(await sums(sliBuckets)).toEqual([30 * 499, 30 * 500]);
    expect(await sums(sliHourly)).toEqual([30 * 499, 30 * 500]);
    expect(await sums(sliDaily)).toEqual([30 * 499, 30 * 500]);
    const s = (await status(id)).status;
    expect(s.total).toBe(15_000);
    expect(s.sli).toBeCloseTo(0.998, 12);
    // 1 − (1 − 0.998) / 0.001 = −1: the budget is overspent twice over.
    expect(s.budgetRemaining).toBeCloseTo(-1, 9);
    expect(s.state).toBe("breaching");
  });

  it("refuses good > total, negative or fractional counts, misaligned and future starts, naming each row; nothing is written", async () => {
    const id = await newSlo();
    const now = bucketOf(Date.now());
    const r = await executeCommand(pushMeasurements, people.engineer, {
      id,
      buckets: [
        { start: new Date(now - BUCKET_MS).toISOString(), good: 5, total: 5 },
        { start: new Date(now - 2 * BUCKET_MS).toISOString(), good: 6, total: 5 },
        { start: new Date(now - 3 * BUCKET_MS).toISOString(), good: -1, total: 5 },
        { start: new Date(now - 4 * BUCKET_MS).toISOString(), good: 1.5, total: 5 },
        { start: new Date(now - 4 * BUCKET_MS + 60_000).toISOString(), good: 1, total: 5 },
        { start: new Date(now + 3_600_000).toISOString(), good: 1, total: 5 },
        { start: new Date(now - BUCKET_MS).toISOString(), good: 1, total: 5 },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe("invalid");
    expect(Object.keys(r.fieldErrors ?? {}).sort()).toEqual(
      [
        "buckets.1.good",
        "buckets.2.good",
        "buckets.3.good",
        "buckets.4.start",
        "buckets.5.start",
        "buckets.6.start",
      ].sort(),
    );
    const [{ n: written }] = rowsOf<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from sli_buckets where slo_id = ${id}::uuid`),
    );
    expect(written).toBe(0);
  });

  it("refuses a batch over 10,000 buckets", async () => {
    const id = await newSlo();
    const r = await executeCommand(pushMeasurements, people.engineer, {
      id,
      buckets: buckets(10_001, 10, 0),
    });
    expect(!r.ok && r.fieldErrors?.buckets).toMatch(/At most 10,000/);
  });

  it("says no data, never 100 %, without traffic", async () => {
    const id = await newSlo();
    const s = (await status(id)).status;
    expect([s.sli, s.budgetRemaining, s.state]).toEqual([null, null, "no_data"]);
  });
});

describe("burn-rate alerts", () => {
  it("pages on a fast burn over 1h and 5m, and resolves when it stops", async () => {
    const id = await newSlo({ minEvents: 10 });
    // 2 % errors against a 0.1 % budget is a burn rate of 20 (> 14.4) in every window.
    await executeCommand(pushMeasurements, people.engineer, { id, buckets: buckets(12, 1000, 20) });
    const fired = await t.db.select().from(sloAlerts).where(eq(sloAlerts.sloId, id));
    expect(fired.map((a) => [a.rule, a.severity, a.resolvedAt])).toContainEqual(["page_fast", "page", null]);
    const numbers = fired.find((a) => a.rule === "page_fast")!.numbers as { long: { burnRate: number } };
    expect(numbers.long.burnRate).toBeCloseTo(20, 9);
    // The same hour, now clean: the burn rate drops to 0 and the page resolves.
    await executeCommand(pushMeasurements, people.engineer, { id, buckets: buckets(12, 1000, 0) });
    const after = await t.db.select().from(sloAlerts).where(eq(sloAlerts.sloId, id));
    expect(after.find((a) => a.rule === "page_fast")?.resolvedAt).toBeInstanceOf(Date);
  });

  it("keeps a page open through a quiet bucket while the hour still burns", async () => {
    const id = await newSlo({ minEvents: 10 });
    await executeCommand(pushMeasurements, people.engineer, { id, buckets: buckets(12, 1000, 20) });
    const [slo] = await t.db.select().from(slos).where(eq(slos.id, id));
    // Ten minutes on nothing has arrived: "5m" is empty (guarded), the hour still burns at 20.
    await t.db.transaction((tx) => evaluateAlerts(tx, [slo], Date.now() + 10 * 60_000));
    const open = await t.db.select().from(sloAlerts).where(eq(sloAlerts.sloId, id));
    expect(open.find((a) => a.rule === "page_fast")?.resolvedAt).toBeNull();
    // Two hours on, the hour holds nothing either: the page resolves.
    await t.db.transaction((tx) => evaluateAlerts(tx, [slo], Date.now() + 2 * 3_600_000));
    const later = await t.db.select().from(sloAlerts).where(eq(sloAlerts.sloId, id));
    expect(later.find((a) => a.rule === "page_fast")?.resolvedAt).toBeInstanceOf(Date);
  });

  it("never pages below the minimum-event guard", async () => {
    const id = await newSlo({ minEvents: 1000 });
    await executeCommand(pushMeasurements, people.engineer, { id, buckets: buckets(12, 5, 5) });
    expect(await t.db.select().from(sloAlerts).where(eq(sloAlerts.sloId, id))).toEqual([]);
    const verdicts = (await status(id)).status.alerts ?? [];
    expect(verdicts.every((v) => v.guarded && !v.firing)).toBe(true);
  });
});

describe("budget freeze", () => {
  it("names the services with an SLO whose budget is spent", async () => {
    const id = await newSlo({ service: "ledger" });
    await executeCommand(pushMeasurements, people.engineer, { id, buckets: buckets(6, 100, 50) });
    const frozen = await budgetFreeze(t.db);
    const ledger = [...frozen.values()].flat().find((f) => f.sloId === id);
    expect(ledger?.budgetRemaining).toBeLessThan(0);
  });
});

describe("the REST door", () => {
  it("a slo:measurements token pushes measurements and can do nothing else", async () => {
    const id = await newSlo();
    const { token } = await tokenFor(t.db, "engineer", ["slo:measurements"]);
    // The token's owner is a new engineer on no team: joined to payments for this test.
    await t.db.execute(sql`insert into team_members (team_id, user_id)
      select t.id, u.id from teams t, api_tokens k join users u on u.id = k.user_id
      where t.slug = 'payments' and k.name = 'engineer-token' on conflict do nothing`);
    const pushed = await send(
      "POST",
      call(`/api/v1/slos/${id}/measurements`, {
        method: "POST",
        token,
        body: { buckets: buckets(3, 10, 0) },
      }),
    );
    expect(pushed.status).toBe(200);
    expect(await pushed.json()).toMatchObject({ written: 3 });
    const read = await send("GET", call(`/api/v1/slos/${id}`, { token }));
    expect(read.status).toBe(403);
    const create = await send("POST", call("/api/v1/slos", { method: "POST", token, body: definition() }));
    expect(create.status).toBe(403);
  });

  it("answers 400 for a body that is not JSON, naming rows for bad buckets", async () => {
    const id = await newSlo();
    const { token } = await tokenFor(t.db, "admin");
    const notJson = await send(
      "POST",
      call(`/api/v1/slos/${id}/measurements`, { method: "POST", token, rawBody: "{buckets: nope" }),
    );
    expect(notJson.status).toBe(400);
    const bad = await send(
      "POST",
      call(`/api/v1/slos/${id}/measurements`, {
        method: "POST",
        token,
        body: { buckets: [{ start: "2026-01-01T00:01:00Z", good: 2, total: 1 }] },
      }),
    );
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(Object.keys(body.error.fields)).toEqual(
      expect.arrayContaining(["buckets.0.good", "buckets.0.start"]),
    );
  });

  it("lists SLOs by state and reads one with its status", async () => {
    const { token } = await tokenFor(t.db, "viewer");
    const list = await send("GET", call("/api/v1/slos?state=no_data&service=payments-api", { token }));
    expect(list.status).toBe(200);
    const { items } = await list.json();
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i: { status: { state: string } }) => i.status.state === "no_data")).toBe(true);
    const one = await send("GET", call(`/api/v1/slos/${items[0].id}`, { token }));
    expect((await one.json()).status.burnRates).toHaveProperty("5m");
  });
});
