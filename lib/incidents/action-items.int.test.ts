import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { services } from "@/db/schema";
import { actionItems } from "@/db/schema/incidents";
import { refreshScorecardsJob } from "@/lib/catalog/scorecard-job";
import { executeCommand } from "@/lib/command/execute";
import { runJob } from "@/lib/jobs/run";
import { runQuery } from "@/lib/query/run";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { ok } from "@/tests/incidents/fixtures";
import { createActionItem, patchActionItem } from "./action-item-commands";
import {
  actionItemRead,
  listActionItemsRead,
  myActionItemsRead,
  overdueActionItemsByTeamRead,
} from "./action-item-reads";
import { isoDay } from "./business-days";
import { declareIncident } from "./incident-commands";
import { createPostmortem } from "./postmortem-commands";
import { createProblem } from "./problem-commands";

const t = withTestDatabase();
let people: Awaited<ReturnType<typeof demo>>;
let postmortemId: string;
let problemId: string;
const run = executeCommand;
const day = (offset: number) => isoDay(new Date(Date.now() + offset * 86_400_000));

beforeAll(async () => {
  people = await demo(t.db);
  const incident = ok(
    await run(declareIncident, people.engineer, {
      title: "Refunds stuck",
      severity: "sev3",
      services: ["refunds", "ledger"],
    }),
  );
  postmortemId = ok(await run(createPostmortem, people.engineer, { incidentId: incident.id })).id;
  problemId = ok(
    await run(createProblem, people.engineer, { title: "Settlement batch overruns", service: "settlement" }),
  ).id;
});

const item = async (id: string) => ok(await runQuery(actionItemRead, people.viewer, { id }));
const raise = async (extra: Record<string, unknown>) =>
  ok(
    await run(createActionItem, people.engineer, {
      postmortemId,
      title: "Alert on stuck refunds",
      owner: "engineer@pharos.demo",
      dueOn: day(14),
      type: "prevent",
      ...extra,
    }),
  );

describe("raising action items", () => {
  it("hangs an item from a postmortem or a problem and puts it on their first service by default", async () => {
    const fromPm = await item((await raise({})).id);
    expect(fromPm).toMatchObject({
      service: { slug: "ledger" },
      priority: "p2",
      status: "open",
      parent: { kind: "postmortem", id: postmortemId },
    });
    const fromProblem = await item((await raise({ postmortemId: undefined, problemId, priority: "p1" })).id);
    expect(fromProblem).toMatchObject({
      service: { slug: "settlement" },
      parent: { kind: "problem", id: problemId },
    });
    const named = await item(
      (await raise({ service: "refunds", ticketUrl: "https://jira.example/REF-9" })).id,
    );
    expect(named).toMatchObject({ service: { slug: "refunds" }, ticketUrl: "https://jira.example/REF-9" });
  });

  it("refuses two parents, no parent, unknown people and services, and bad dates", async () => {
    const both = await run(createActionItem, people.engineer, {
      postmortemId,
      problemId,
      title: "x",
      owner: "engineer@pharos.demo",
      dueOn: day(1),
      type: "process",
    });
    expect(both.ok || both.fieldErrors?.problemId).toMatch(/one postmortem or one problem/);
    const none = await run(createActionItem, people.engineer, {
      title: "x",
      owner: "engineer@pharos.demo",
      dueOn: day(1),
      type: "process",
    });
    expect(none.ok || none.fieldErrors?.postmortemId).toMatch(/one postmortem or one problem/);
    const stranger = await run(createActionItem, people.engineer, {
      postmortemId,
      title: "x",
      owner: "nobody@example.com",
      dueOn: day(1),
      type: "process",
    });
    expect(stranger.ok || stranger.fieldErrors?.owner).toMatch(/Nobody in Pharos/);
    const badDay = await run(createActionItem, people.engineer, {
      postmortemId,
      title: "x",
      owner: "engineer@pharos.demo",
      dueOn: "2026-02-30",
      type: "process",
    });
    expect(badDay.ok || badDay.fieldErrors?.dueOn).toMatch(/Use a date like/);
    const viewer = await run(createActionItem, people.viewer, { postmortemId, title: "x" });
    expect(viewer.ok || viewer.code).toBe("forbidden");
  });
});

describe("working action items", () => {
  it("needs a reason for wont_do, stamps done and clears both on reopening", async () => {
    const { id } = await raise({});
    const bare = await run(patchActionItem, people.engineer, { id, version: 1, status: "wont_do" });
    expect(bare.ok || bare.fieldErrors?.wontDoReason).toMatch(/Say why it will not be done/);
    const wont = ok(
      await run(patchActionItem, people.engineer, {
        id,
        version: 1,
        status: "wont_do",
        wontDoReason: "The service is retired next month.",
      }),
    );
    expect((await item(id)).wontDoReason).toBe("The service is retired next month.");
    const reopened = ok(
      await run(patchActionItem, people.engineer, { id, version: wont.version, status: "open" }),
    );
    expect((await item(id)).wontDoReason).toBeNull();
    const done = ok(
      await run(patchActionItem, people.engineer, { id, version: reopened.version, status: "done" }),
    );
    expect((await item(id)).doneAt).not.toBeNull();
    ok(await run(patchActionItem, people.engineer, { id, version: done.version, status: "in_progress" }));
    expect(await item(id)).toMatchObject({ status: "in_progress", doneAt: null });
  });

  it("gives the second of two editors of one version a 409 and keeps the first's change", async () => {
    const { id } = await raise({});
    ok(await run(patchActionItem, people.engineer, { id, version: 1, priority: "p1" }));
    const second = await run(patchActionItem, people.admin, { id, version: 1, title: "Renamed" });
    expect(second).toMatchObject({ ok: false, code: "conflict", details: { currentVersion: 2 } });
    expect(await item(id)).toMatchObject({ priority: "p1", title: "Alert on stuck refunds" });
  });
});

describe("reading action items", () => {
  it("lists my items open first, soonest due first, with the overdue ones flagged", async () => {
    const mine = { owner: "admin@pharos.demo" };
    const later = await raise({ ...mine, title: "Later", dueOn: day(30) });
    const late = await raise({ ...mine, title: "Late", dueOn: day(-3) });
    const closed = await raise({ ...mine, title: "Closed", dueOn: day(-10) });
    ok(await run(patchActionItem, people.admin, { id: closed.id, version: 1, status: "done" }));
    const list = ok(await runQuery(myActionItemsRead, people.admin, {}));
    expect(list.items.map((i) => [i.title, i.overdue])).toEqual([
      ["Late", true],
      ["Later", false],
      ["Closed", false],
    ]);
    const viaFilter = ok(await runQuery(listActionItemsRead, people.admin, { owner: "me", overdue: "1" }));
    expect(viaFilter.items.map((i) => i.id)).toEqual([late.id]);
    const byEmail = ok(await runQuery(listActionItemsRead, people.viewer, { owner: "admin@pharos.demo" }));
    expect(byEmail.total).toBe(3);
    expect(later.id).toBeTruthy();
  });

  it("counts overdue items per owning team of their service, and lists a postmortem's or a problem's", async () => {
    const before = ok(await runQuery(overdueActionItemsByTeamRead, people.viewer, {})).teams;
    const payments = (teams: typeof before) => teams.find((r) => r.team?.slug === "payments")?.overdue ?? 0;
    const { id } = await raise({ service: "payments-api", dueOn: day(-1) });
    const after = ok(await runQuery(overdueActionItemsByTeamRead, people.viewer, {})).teams;
    expect(payments(after)).toBe(payments(before) + 1);
    const team = ok(await runQuery(listActionItemsRead, people.viewer, { team: "payments", overdue: "1" }));
    expect(team.items.map((i) => i.id)).toContain(id);
    expect(team.items.every((i) => i.overdue && i.team?.slug === "payments")).toBe(true);
    const ofProblem = ok(await runQuery(listActionItemsRead, people.viewer, { problem: problemId }));
    expect(ofProblem.items.every((i) => i.parent.kind === "problem" && i.parent.id === problemId)).toBe(true);
    const ofPm = ok(await runQuery(listActionItemsRead, people.viewer, { postmortem: postmortemId }));
    expect(ofPm.items.map((i) => i.id)).toContain(id);
  });
});

describe("the scorecard's overdue action item rule", () => {
  const passed = async (slug: string) =>
    (await t.db.select().from(services).where(eq(services.slug, slug)))[0].scorecardPassed;

  it("fails a service with an overdue item in the same write, and passes it again when the item is done", async () => {
    const start = await passed("search-index");
    const { id } = await raise({ service: "search-index", dueOn: day(-2) });
    expect(await passed("search-index")).toBe(start - 1);
    ok(await run(patchActionItem, people.engineer, { id, version: 1, status: "done" }));
    expect(await passed("search-index")).toBe(start);
  });

  it("fails it once a due date passes with no write, at the scorecard job's next run", async () => {
    const start = await passed("event-bus");
    const { id } = await raise({ service: "event-bus", dueOn: day(0) });
    expect(await passed("event-bus")).toBe(start);
    // A day goes by behind the job's back.
    await t.db.execute(sql`update ${actionItems} set due_on = current_date - 1 where id = ${id}::uuid`);
    await runJob(
      refreshScorecardsJob,
      {},
      {
        id: "test",
        name: refreshScorecardsJob.name,
        attempt: 1,
        retryLimit: 0,
        isLastAttempt: true,
      },
    );
    expect(await passed("event-bus")).toBe(start - 1);
  });
});
