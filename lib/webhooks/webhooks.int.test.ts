import { createHmac, timingSafeEqual } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditLog, jobs, webhookDeliveries, webhooks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/command/execute";
import { createQueue, type JobQueue } from "@/lib/jobs/queue";
import { makeUser } from "@/tests/actors";
import { withTestDatabase } from "@/tests/database";
import { startReceiver } from "@/tests/webhooks/receiver";
import { AUTO_DISABLE_AFTER, attemptDelivery, deliverWebhookJob } from "./delivery-job";
import { emitEvent } from "./emit";
import type { WebhookEventPayload } from "./events";
import { createWebhook, sendTestWebhook, updateWebhook } from "./webhook-commands";

const t = withTestDatabase();
let admin: Actor;
const receivers: Awaited<ReturnType<typeof startReceiver>>[] = [];
let queue: JobQueue | undefined;

beforeAll(async () => {
  admin = (await makeUser(t.db, "admin")).actor;
});
afterEach(async () => {
  await queue?.stop();
  queue = undefined;
  delete process.env.PHAROS_WEBHOOK_TIMEOUT_MS;
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
});

const receiver = async (behaviour?: Parameters<typeof startReceiver>[0]) => {
  const r = await startReceiver(behaviour);
  receivers.push(r);
  return r;
};
const startQueue = async () => {
  queue = await createQueue({ handle: t.handle, jobs: [deliverWebhookJob], pollSeconds: 0.3 });
};
const until = async (check: () => boolean | Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
};

async function subscribe(url: string, events = ["slo.alert.fired"]) {
  const created = await executeCommand(createWebhook, admin, { url, events, description: "test" });
  if (!created.ok) throw new Error(created.error);
  return created.data;
}

const firing: WebhookEventPayload<"slo.alert.fired"> = {
  slo: { id: "6f9b7c1e-0d7c-4d55-9a3e-6c4a6a8d2b10", name: "Checkout availability", serviceSlug: "checkout" },
  alert: {
    id: "0b8f3e0e-7a51-4c39-b1f6-1a7c0d7c5e21",
    rule: "page-1h-5m",
    severity: "page",
    firedAt: "2026-01-01T10:00:00.000Z",
    burnRate: { long: 15.2, short: 16.8 },
    threshold: 14.4,
    windows: { long: "1h", short: "5m" },
  },
};

const deliveriesOf = (webhookId: string) =>
  t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhookId));

/** The receiver's check, written out from the docs without Pharos's signer. */
function receiverAccepts(secret: string, body: string, header: string) {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = createHmac("sha256", secret).update(`${match[1]}.${body}`, "utf8").digest();
  const given = Buffer.from(match[2], "hex");
  return Math.abs(Date.now() / 1000 - Number(match[1])) < 300 && timingSafeEqual(expected, given);
}

describe("outbound webhooks", () => {
  it("delivers an event emitted in a committed transaction, signed with the webhook's secret", async () => {
    const r = await receiver("ok");
    const hook = await subscribe(r.url);
    const other = await subscribe(`${r.url}/other`, ["slo.budget_freeze.entered"]);
    const { eventId, deliveries } = await t.db.transaction((tx) => emitEvent(tx, "slo.alert.fired", firing));
    expect(deliveries).toBe(1);
    await startQueue();
    await until(async () => (await deliveriesOf(hook.id))[0]?.status === "succeeded");
    expect(r.received).toHaveLength(1);
    const [got] = r.received;
    expect(receiverAccepts(hook.secret, got.body, String(got.headers["x-pharos-signature"]))).toBe(true);
    expect(receiverAccepts("whsec_wrong", got.body, String(got.headers["x-pharos-signature"]))).toBe(false);
    const [delivery] = await deliveriesOf(hook.id);
    expect(got.headers["x-pharos-event"]).toBe("slo.alert.fired");
    expect(got.headers["x-pharos-delivery"]).toBe(delivery.id);
    expect(got.headers["content-type"]).toBe("application/json");
    const envelope = JSON.parse(got.body);
    expect(envelope).toEqual({
      id: eventId,
      type: "slo.alert.fired",
      createdAt: expect.any(String),
      data: firing,
    });
    expect(delivery).toMatchObject({ attempts: 1, responseStatus: 200, error: null });
    expect(delivery.responseMs).toBeGreaterThanOrEqual(0);
    expect(await deliveriesOf(other.id)).toEqual([]);
  });

  it("sends nothing for an event emitted in a transaction that rolled back", async () => {
    const r = await receiver("ok");
    const hook = await subscribe(r.url);
    await t.db
      .transaction(async (tx) => {
        await emitEvent(tx, "slo.alert.fired", firing);
        throw new Error("the command failed after deciding to alert");
      })
      .catch(() => {});
    expect(await deliveriesOf(hook.id)).toEqual([]);
    // A test sent afterwards arrives: the queue ran, and had nothing else to send.
    const test = await executeCommand(sendTestWebhook, admin, { id: hook.id });
    expect(test.ok).toBe(true);
    await startQueue();
    await until(() => r.received.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(r.received.map((x) => x.headers["x-pharos-event"])).toEqual(["ping"]);
  });

  it("times out a receiver that never answers, marks the attempt failed and retries it later", async () => {
    process.env.PHAROS_WEBHOOK_TIMEOUT_MS = "300";
    const r = await receiver("hang");
    const hook = await subscribe(r.url);
    const test = await executeCommand(sendTestWebhook, admin, { id: hook.id });
    if (!test.ok) throw new Error(test.error);
    await startQueue();
    await until(async () => (await deliveriesOf(hook.id))[0]?.status === "retrying");
    const [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({ attempts: 1, responseStatus: null, error: "No answer within 0.3 s." });
    expect(delivery.responseMs).toBeLessThan(3000);
    // The retry is on the queue (once the handler's failure reaches it), due after the first
    // back-off step (30–60 s).
    const queued = async () =>
      t.handle.kind === "postgres"
        ? (
            (await t.db.execute(
              sql`select state, start_after as "runAfter" from pgboss.job where name = 'webhooks.deliver' and data->>'deliveryId' = ${delivery.id}`,
            )) as unknown as { state: string; runAfter: Date }[]
          )[0]
        : (await t.db.select().from(jobs).where(sql`${jobs.data}->>'deliveryId' = ${delivery.id}`))[0];
    await until(async () => (await queued())?.state === "retry");
    const retry = await queued();
    expect(retry.state).toBe("retry");
    const wait = new Date(retry.runAfter).getTime() - Date.now();
    expect(wait).toBeGreaterThan(20_000);
    expect(wait).toBeLessThan(61_000);
    const [after] = await t.db.select().from(webhooks).where(eq(webhooks.id, hook.id));
    expect(after.consecutiveFailures).toBe(1);
  });

  it(`turns a webhook off after ${AUTO_DISABLE_AFTER} failures in a row, says why, and an admin turns it on again`, async () => {
    const r = await receiver("fail");
    const hook = await subscribe(r.url);
    for (let i = 0; i < AUTO_DISABLE_AFTER; i++) {
      await t.db.transaction((tx) => emitEvent(tx, "slo.alert.fired", firing));
      const [pending] = (await deliveriesOf(hook.id)).filter((d) => d.status === "pending");
      expect(await attemptDelivery(pending.id, false)).toBe(i < AUTO_DISABLE_AFTER - 1 ? "retry" : "done");
    }
    expect(r.received).toHaveLength(AUTO_DISABLE_AFTER);
    const [off] = await t.db.select().from(webhooks).where(eq(webhooks.id, hook.id));
    expect(off.enabled).toBe(false);
    expect(off.disabledReason).toMatch(
      /after 10 failed deliveries in a row; the last: The receiver answered HTTP 500/,
    );
    const statuses = (await deliveriesOf(hook.id)).map((d) => d.status).sort();
    expect(statuses).toEqual([...Array(9).fill("retrying"), "failed"].sort());
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, hook.id));
    expect(audits.map((a) => a.action)).toContain("webhook.auto_disable");
    // Off: new events make no deliveries, and the retries still queued are skipped.
    await t.db.transaction((tx) => emitEvent(tx, "slo.alert.fired", firing));
    expect(await deliveriesOf(hook.id)).toHaveLength(AUTO_DISABLE_AFTER);
    const [retrying] = (await deliveriesOf(hook.id)).filter((d) => d.status === "retrying");
    expect(await attemptDelivery(retrying.id, false)).toBe("done");
    expect(r.received).toHaveLength(AUTO_DISABLE_AFTER);

    const on = await executeCommand(updateWebhook, admin, { id: hook.id, enabled: "true" });
    expect(on.ok && on.data).toMatchObject({ enabled: true, disabledReason: null, consecutiveFailures: 0 });
  });

  it("refuses a URL that is not http(s), one at Pharos itself, and unknown events, writing nothing", async () => {
    const count = async () => {
      const [w] = await t.db.select({ n: sql<number>`count(*)::int` }).from(webhooks);
      const [a] = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
      return `${w.n}/${a.n}`;
    };
    const before = await count();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [
        { url: "ftp://files.example.com/hook", events: ["slo.alert.fired"] },
        "url",
        /https:\/\/ or http:\/\//,
      ],
      [
        { url: "http://localhost:3000/api/v1/services", events: ["slo.alert.fired"] },
        "url",
        /this Pharos server/,
      ],
      [
        // An event of a domain that has not landed (incident.declared exists now).
        { url: "https://hooks.example.com/x", events: ["change.approved"] },
        "events",
        /Unknown event type "change.approved"/,
      ],
      [{ url: "https://hooks.example.com/x", events: [] }, "events", /at least one/],
      [{ url: "https://hooks.example.com/x", events: ["ping"] }, "events", /Unknown event type "ping"/],
    ];
    for (const [input, field, message] of cases) {
      const result = await executeCommand(createWebhook, admin, input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (result.ok) continue;
      expect(result.code).toBe("invalid");
      expect(result.fieldErrors?.[field], JSON.stringify(result)).toMatch(message);
    }
    process.env.AUTH_URL = "https://pharos.example.com/";
    try {
      const result = await executeCommand(createWebhook, admin, {
        url: "https://pharos.example.com/api/v1/hooks",
        events: ["slo.alert.fired"],
      });
      expect(!result.ok && result.fieldErrors?.url).toMatch(/Pharos itself/);
    } finally {
      delete process.env.AUTH_URL;
    }
    expect(await count()).toBe(before);
  });
});
