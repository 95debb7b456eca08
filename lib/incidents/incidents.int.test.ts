import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { incidentEvents, incidents } from "@/db/schema/incidents";
import { webhookDeliveries, webhooks } from "@/db/schema/webhooks";
import { executeCommand } from "@/lib/command/execute";
import { runQuery } from "@/lib/query/run";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { declareIncident, patchIncident } from "./incident-commands";
import { incidentRead, listIncidentsRead } from "./reads";
import { addIncidentEvent, joinIncident, leaveIncident } from "./timeline-commands";

const t = withTestDatabase();
let people: Awaited<ReturnType<typeof demo>>;
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

beforeAll(async () => {
  people = await demo(t.db);
});

async function declare(extra: Record<string, unknown> = {}) {
  const r = await executeCommand(declareIncident, people.engineer, {
    title: "Checkout errors in EU",
    severity: "sev2",
    services: ["payments-api"],
    ...extra,
  });
  if (!r.ok) throw new Error(`${r.code}: ${r.error} ${JSON.stringify(r.fieldErrors)}`);
  return r.data;
}

const detail = async (id: string) => {
  const r = await runQuery(incidentRead, people.viewer, { id });
  if (!r.ok || !r.data) throw new Error("no incident");
  return r.data;
};

describe("declaring", () => {
  it("records the incident, its commander seat and the first timeline entry", async () => {
    const { id, number } = await declare({ impactStartedAt: ago(30), detectedAt: ago(20) });
    const d = await detail(id);
    expect(d.number).toBe(number);
    expect(d.status).toBe("open");
    expect(d.commander).toBe("engineer@pharos.demo");
    expect(d.participants.map((p) => p.role)).toEqual(["commander"]);
    expect(d.timeline.map((e) => e.kind)).toEqual(["declared", "participant"]);
    expect(d.services).toEqual(["payments-api"]);
  });

  it("refuses viewers, unknown services and times out of order, writing nothing", async () => {
    const before = (await t.db.select().from(incidents)).length;
    const viewer = await executeCommand(declareIncident, people.viewer, {
      title: "x",
      severity: "sev3",
      services: ["payments-api"],
    });
    expect(viewer.ok || viewer.code).toBe("forbidden");
    const unknown = await executeCommand(declareIncident, people.engineer, {
      title: "x",
      severity: "sev3",
      services: ["no-such-service"],
    });
    expect(unknown.ok || unknown.fieldErrors?.services).toBe("Unknown service: no-such-service.");
    const order = await executeCommand(declareIncident, people.engineer, {
      title: "x",
      severity: "sev3",
      services: ["payments-api"],
      impactStartedAt: ago(5),
      detectedAt: ago(10),
    });
    expect(order.ok || order.fieldErrors?.detectedAt).toMatch(/Detected .* cannot be before impact started/);
    expect((await t.db.select().from(incidents)).length).toBe(before);
  });
});

describe("working an incident", () => {
  it("moves through the statuses, stamping their times, and refuses a skipped step", async () => {
    const { id } = await declare();
    const closed = await executeCommand(patchIncident, people.engineer, { id, version: 1, status: "closed" });
    expect(closed.ok || closed.code).toBe("invalid");
    const mitigated = await executeCommand(patchIncident, people.engineer, {
      id,
      version: 1,
      status: "mitigated",
    });
    expect(mitigated.ok && mitigated.data.version).toBe(2);
    const resolved = await executeCommand(patchIncident, people.engineer, {
      id,
      version: 2,
      status: "resolved",
    });
    expect(resolved.ok).toBe(true);
    const d = await detail(id);
    expect(d.mitigatedAt).not.toBeNull();
    expect(d.resolvedAt).not.toBeNull();
    expect(d.timeline.filter((e) => e.kind === "status").map((e) => e.body)).toEqual([
      "Status open → mitigated.",
      "Status mitigated → resolved.",
    ]);
  });

  it("refuses closing a sev2 without a published postmortem", async () => {
    const { id } = await declare();
    await executeCommand(patchIncident, people.engineer, { id, version: 1, status: "resolved" });
    const r = await executeCommand(patchIncident, people.engineer, { id, version: 2, status: "closed" });
    expect(r.ok || r.fieldErrors?.status).toBe(
      "Write and publish a postmortem before closing a sev1 or sev2 incident.",
    );
  });

  it("gives the second of two writers of one version a 409 and keeps the first's change", async () => {
    const { id } = await declare();
    const first = await executeCommand(patchIncident, people.engineer, { id, version: 1, severity: "sev1" });
    const second = await executeCommand(patchIncident, people.admin, { id, version: 1, title: "Renamed" });
    expect(first.ok).toBe(true);
    expect(second.ok || second.code).toBe("conflict");
    const d = await detail(id);
    expect([d.severity, d.title]).toEqual(["sev1", "Checkout errors in EU"]);
  });

  it("needs a reason to correct a recorded time, and puts it on the timeline", async () => {
    const { id } = await declare({ detectedAt: ago(20) });
    const bare = await executeCommand(patchIncident, people.engineer, {
      id,
      version: 1,
      detectedAt: ago(25),
    });
    expect(bare.ok || bare.fieldErrors?.reason).toMatch(/Say why detected changed/);
    const r = await executeCommand(patchIncident, people.engineer, {
      id,
      version: 1,
      detectedAt: ago(25),
      reason: "The first alert fired earlier than the page.",
    });
    expect(r.ok).toBe(true);
    const entry = (await detail(id)).timeline.find((e) => e.kind === "timestamp");
    expect(entry?.body).toBe("Detected corrected: The first alert fired earlier than the page.");
  });

  it("refuses a duplicate of itself and a cycle of duplicates", async () => {
    const a = await declare();
    const b = await declare();
    const self = await executeCommand(patchIncident, people.engineer, {
      id: a.id,
      version: 1,
      status: "duplicate",
      duplicateOf: `INC-${a.number}`,
    });
    expect(self.ok || self.fieldErrors?.duplicateOf).toBe("An incident cannot duplicate itself.");
    const ab = await executeCommand(patchIncident, people.engineer, {
      id: a.id,
      version: 1,
      status: "duplicate",
      duplicateOf: String(b.number),
    });
    expect(ab.ok).toBe(true);
    const ba = await executeCommand(patchIncident, people.engineer, {
      id: b.id,
      version: 1,
      status: "duplicate",
      duplicateOf: a.id,
    });
    expect(ba.ok || ba.fieldErrors?.duplicateOf).toMatch(/would be a cycle/);
  });

  it("keeps notes, back-filled entries and people joining and leaving on the timeline", async () => {
    const { id } = await declare();
    const note = await executeCommand(addIncidentEvent, people.engineer, {
      id,
      body: "Rolled back the deploy.",
      occurredAt: ago(3),
    });
    expect(note.ok).toBe(true);
    const join = await executeCommand(joinIncident, people.engineer, {
      id,
      person: "admin@pharos.demo",
      role: "responder",
    });
    expect(join.ok && join.data.joined).toBe(true);
    const again = await executeCommand(joinIncident, people.engineer, {
      id,
      person: "admin@pharos.demo",
      role: "responder",
    });
    expect(again.ok && again.data.joined).toBe(false);
    const d = await detail(id);
    const seat = d.participants.find((p) => p.role === "responder");
    const leave = await executeCommand(leaveIncident, people.engineer, { id, participantId: seat?.id });
    expect(leave.ok).toBe(true);
    const events = await t.db.select().from(incidentEvents).where(eq(incidentEvents.incidentId, id));
    expect(events.map((e) => e.kind).sort()).toEqual([
      "declared",
      "note",
      "participant",
      "participant",
      "participant",
    ]);
    expect(events.find((e) => e.kind === "note")?.data).toEqual({ backfilled: true });
  });
});

describe("history and webhooks", () => {
  it("filters by service, severity and number", async () => {
    const { number } = await declare({ title: "Ledger lag", severity: "sev4", services: ["ledger"] });
    const r = await runQuery(listIncidentsRead, people.viewer, { service: "ledger", severity: "sev4" });
    expect(r.ok && r.data.items.map((i) => i.number)).toContain(number);
    const byNumber = await runQuery(listIncidentsRead, people.viewer, { q: `INC-${number}` });
    expect(byNumber.ok && byNumber.data.items[0]?.number).toBe(number);
    const none = await runQuery(listIncidentsRead, people.viewer, {
      service: "payments-api",
      severity: "sev4",
      q: "Ledger lag",
    });
    expect(none.ok && none.data.total).toBe(0);
  });

  it("sends incident.declared, incident.updated and incident.resolved to subscribed webhooks", async () => {
    const [hook] = await t.db
      .insert(webhooks)
      .values({
        url: "https://hooks.example.com/pharos",
        events: ["incident.declared", "incident.updated", "incident.resolved"],
        secret: "s".repeat(32),
      })
      .returning();
    const { id } = await declare();
    await executeCommand(patchIncident, people.engineer, { id, version: 1, status: "resolved" });
    const sent = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, hook.id));
    expect(sent.map((d) => d.eventType).sort()).toEqual([
      "incident.declared",
      "incident.resolved",
      "incident.updated",
    ]);
  });
});
