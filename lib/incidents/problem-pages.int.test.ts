import { beforeAll, describe, expect, it } from "vitest";
import { executeCommand } from "@/lib/command/execute";
import { runQuery } from "@/lib/query/run";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { ok } from "@/tests/incidents/fixtures";
import { declareIncident, patchIncident } from "./incident-commands";
import { createProblem, patchProblem } from "./problem-commands";
import { newProblemPageRead, problemListPageRead, problemPageRead } from "./problem-page-reads";

const t = withTestDatabase();
let people: Awaited<ReturnType<typeof demo>>;
let known: { id: string; number: number };

beforeAll(async () => {
  people = await demo(t.db);
  // Three incidents on one service resolved with one cause: a same-cause suggestion.
  for (const title of ["Queue stalls at noon", "Billing exports time out", "Webhooks arrive late"]) {
    const made = ok(
      await executeCommand(declareIncident, people.engineer, {
        title,
        severity: "sev3",
        services: ["event-bus"],
      }),
    );
    ok(
      await executeCommand(patchIncident, people.engineer, {
        id: made.id,
        version: 1,
        status: "resolved",
        cause: "Broker disk full",
      }),
    );
  }
  known = ok(
    await executeCommand(createProblem, people.engineer, { title: "Ledger locks", service: "ledger" }),
  );
  ok(
    await executeCommand(patchProblem, people.engineer, { id: known.id, version: 1, state: "investigating" }),
  );
  ok(
    await executeCommand(patchProblem, people.engineer, {
      id: known.id,
      version: 2,
      state: "known_error",
      workaround: "Kill the blocking session.",
    }),
  );
});

describe("the problem pages' reads", () => {
  it("list problems with their known-error day, the suggestions with their shared cause, and who may act", async () => {
    const engineer = ok(await runQuery(problemListPageRead, people.engineer, {}));
    expect(engineer.mayManage).toBe(true);
    expect(engineer.items.find((p) => p.id === known.id)?.knownErrorAt).not.toBeNull();
    const [suggestion] = engineer.suggestions;
    expect(suggestion).toMatchObject({
      kind: "same_cause",
      cause: "broker disk full",
      service: { slug: "event-bus" },
    });
    // Only services with a problem or a suggestion are offered as filters.
    expect(engineer.services.map((s) => s.slug).sort()).toEqual(["event-bus", "ledger"]);
    const viewer = ok(await runQuery(problemListPageRead, people.viewer, { service: "ledger" }));
    expect(viewer.mayManage).toBe(false);
    expect(viewer.items.map((p) => p.id)).toEqual([known.id]);
    expect(viewer.suggestions).toEqual([]);
  });

  it("drop filters a stale link cannot use instead of failing the page", async () => {
    const page = ok(
      await runQuery(problemListPageRead, people.viewer, {
        state: "closed",
        service: "Not A Slug",
        page: "x",
      }),
    );
    expect(page.filter).toMatchObject({ state: undefined, service: undefined });
    expect(page.page).toBe(1);
    const open = ok(
      await runQuery(problemListPageRead, people.viewer, { state: "open", q: `PRB-${known.number}` }),
    );
    expect(open.items.map((p) => p.id)).toEqual([known.id]);
  });

  it("open one problem with what the viewer may do; an unknown id is not found", async () => {
    const engineer = ok(await runQuery(problemPageRead, people.engineer, { id: known.id }));
    expect(engineer).toMatchObject({ mayManage: true, mayManageActions: true, me: "engineer@pharos.demo" });
    expect(engineer?.problem.state).toBe("known_error");
    expect(ok(await runQuery(problemPageRead, people.viewer, { id: known.id }))).toMatchObject({
      mayManage: false,
      mayManageActions: false,
    });
    expect(await runQuery(problemPageRead, people.viewer, { id: "PRB-1" })).toMatchObject({
      code: "not_found",
    });
  });

  it("prefill the new-problem form for engineers only", async () => {
    expect(ok(await runQuery(newProblemPageRead, people.engineer, { service: "ledger" }))).toEqual({
      me: "engineer@pharos.demo",
      service: "ledger",
    });
    expect(ok(await runQuery(newProblemPageRead, people.engineer, { service: "no-such" })).service).toBe("");
    expect(await runQuery(newProblemPageRead, people.viewer, {})).toMatchObject({
      ok: false,
      code: "forbidden",
    });
  });
});
