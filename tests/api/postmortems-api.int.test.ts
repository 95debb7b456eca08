import { count } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { postmortems } from "@/db/schema/incidents";
import { seedDemo } from "@/db/seed/demo";
import { ActionItemListSchema, ActionItemSchema } from "@/lib/api/action-item-schemas";
import { IncidentSchema } from "@/lib/api/incident-schemas";
import { PostmortemListSchema, PostmortemSchema } from "@/lib/api/postmortem-schemas";
import { ProblemSchema, SuggestionListSchema } from "@/lib/api/problem-schemas";
import { withTestDatabase } from "../database";
import { call, send, tokenFor } from "./helpers";

const t = withTestDatabase();
let engineer: string;
let viewer: string;
const NO_ID = "00000000-0000-4000-8000-000000000000";

beforeAll(async () => {
  await seedDemo(t.db, new Date(), { sloHistoryDays: 1, incidentHistoryDays: 0 });
  engineer = (await tokenFor(t.db, "engineer", ["read", "write"])).token;
  viewer = (await tokenFor(t.db, "viewer", ["read"])).token;
});

/** A JSON request with an If-Match header, which `call` does not set. */
const withVersion = (method: string, url: string, version: number, body: unknown) =>
  send(
    method,
    new Request(`http://localhost${url}`, {
      method,
      headers: {
        authorization: `Bearer ${engineer}`,
        "content-type": "application/json",
        "if-match": `"${version}"`,
      },
      body: JSON.stringify(body),
    }),
  );
const counts = async () => [
  (await t.db.select({ n: count() }).from(postmortems))[0].n,
  (await t.db.select({ n: count() }).from(auditLog))[0].n,
];

describe("REST postmortems and action items", () => {
  it("starts, edits and reviews a postmortem with ETags, 404s a missing incident and 409s a stale edit", async () => {
    const declared = await send(
      "POST",
      call("/api/v1/incidents", {
        method: "POST",
        token: engineer,
        body: { title: "Checkout 502s", severity: "sev2", services: ["payments-api"] },
      }),
    );
    expect(declared.status).toBe(201);
    const incident = IncidentSchema.parse(await declared.json());
    const before = await counts();
    const missing = await send(
      "POST",
      call(`/api/v1/incidents/${NO_ID}/postmortem`, {
        method: "POST",
        token: engineer,
        body: { summary: "x" },
      }),
    );
    expect(missing.status).toBe(404);
    expect(await counts()).toEqual(before);
    const created = await send(
      "POST",
      call(`/api/v1/incidents/${incident.id}/postmortem`, {
        method: "POST",
        token: engineer,
        body: {
          summary: "502s for 20 minutes.",
          rootCauses: "A connection pool limit.",
          reviewers: ["admin@pharos.demo"],
          links: [{ label: "Dashboard", url: "https://grafana.example/d/1" }],
        },
      }),
    );
    expect(created.status).toBe(201);
    expect(created.headers.get("etag")).toBe('"1"');
    const pm = PostmortemSchema.parse(await created.json());
    expect(created.headers.get("location")).toBe(`/api/v1/postmortems/${pm.id}`);
    expect(pm.incident.id).toBe(incident.id);
    const moved = await withVersion("PATCH", `/api/v1/postmortems/${pm.id}`, 1, { status: "in_review" });
    expect(moved.status).toBe(200);
    expect(moved.headers.get("etag")).toBe('"2"');
    expect(PostmortemSchema.parse(await moved.json()).status).toBe("in_review");
    const stale = await withVersion("PATCH", `/api/v1/postmortems/${pm.id}`, 1, { lucky: "Late" });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.details).toMatchObject({ currentVersion: 2 });
    // The engineer wrote it and is not a named reviewer.
    const approval = await send(
      "POST",
      call(`/api/v1/postmortems/${pm.id}/approvals`, { method: "POST", token: engineer, body: {} }),
    );
    expect(approval.status).toBe(403);
    const read = await send("GET", call(`/api/v1/incidents/${incident.id}/postmortem`, { token: viewer }));
    expect(PostmortemSchema.parse(await read.json()).version).toBe(2);
    const list = await send("GET", call("/api/v1/postmortems?overdue=1", { token: viewer }));
    expect(PostmortemListSchema.parse(await list.json()).items).toEqual([]);
    const bad = await send("GET", call("/api/v1/postmortems?overdue=maybe", { token: viewer }));
    expect(bad.status).toBe(400);
    const viewerWrite = await send(
      "POST",
      call(`/api/v1/incidents/${incident.id}/postmortem`, { method: "POST", token: viewer, body: {} }),
    );
    expect(viewerWrite.status).toBe(403);

    const raised = await send(
      "POST",
      call("/api/v1/action-items", {
        method: "POST",
        token: engineer,
        body: {
          postmortemId: pm.id,
          title: "Raise the pool limit",
          owner: "engineer@pharos.demo",
          dueOn: "2020-01-06",
          type: "mitigate",
        },
      }),
    );
    expect(raised.status).toBe(201);
    const item = ActionItemSchema.parse(await raised.json());
    expect(item).toMatchObject({ overdue: true, service: { slug: "payments-api" }, version: 1 });
    const wont = await withVersion("PATCH", `/api/v1/action-items/${item.id}`, 1, { status: "wont_do" });
    expect(wont.status).toBe(400);
    expect((await wont.json()).error.fields.wontDoReason).toMatch(/Say why/);
    const done = await withVersion("PATCH", `/api/v1/action-items/${item.id}`, 1, { status: "done" });
    expect(ActionItemSchema.parse(await done.json())).toMatchObject({
      status: "done",
      overdue: false,
      version: 2,
    });
    const items = await send("GET", call(`/api/v1/action-items?postmortem=${pm.id}`, { token: viewer }));
    expect(ActionItemListSchema.parse(await items.json()).items.map((i) => i.id)).toEqual([item.id]);
  });

  it("opens a problem and lists suggestions in the documented shapes", async () => {
    const opened = await send(
      "POST",
      call("/api/v1/problems", {
        method: "POST",
        token: engineer,
        body: { title: "Pool exhaustion", service: "payments-api" },
      }),
    );
    expect(opened.status).toBe(201);
    const problem = ProblemSchema.parse(await opened.json());
    const moved = await withVersion("PATCH", `/api/v1/problems/${problem.id}`, 1, { state: "investigating" });
    expect(ProblemSchema.parse(await moved.json())).toMatchObject({ state: "investigating", version: 2 });
    const suggestions = await send("GET", call("/api/v1/problem-suggestions", { token: viewer }));
    expect(SuggestionListSchema.parse(await suggestions.json()).items).toEqual([]);
  });
});
