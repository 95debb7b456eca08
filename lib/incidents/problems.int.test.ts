import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { incidents, problemSuggestions } from "@/db/schema/incidents";
import { executeCommand } from "@/lib/command/execute";
import { runQuery } from "@/lib/query/run";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { ok } from "@/tests/incidents/fixtures";
import { declareIncident } from "./incident-commands";
import { createProblem, patchProblem } from "./problem-commands";
import { linkProblemIncidents, unlinkProblemIncidents } from "./problem-link-commands";
import { listProblemsRead, openSuggestionsRead, problemRead } from "./problem-reads";
import { incidentRead } from "./reads";
import { acceptSuggestion, dismissSuggestion } from "./suggestion-commands";
import { TITLE_SIMILARITY } from "./suggestions";

const t = withTestDatabase();
let people: Awaited<ReturnType<typeof demo>>;
const run = executeCommand;

beforeAll(async () => {
  people = await demo(t.db);
});

const declare = async (title: string, service = "ledger") =>
  ok(await run(declareIncident, people.engineer, { title, severity: "sev3", services: [service] }));
const problem = async (id: string) => ok(await runQuery(problemRead, people.viewer, { id }));
const openOn = async (service: string) =>
  ok(await runQuery(openSuggestionsRead, people.viewer, { service })).items;

describe("problems and their incidents", () => {
  it("opens a problem with incidents linked, and refuses an incident another problem holds", async () => {
    const a = await declare("Ledger writes time out");
    const b = await declare("Ledger replica falls behind");
    const made = ok(
      await run(createProblem, people.engineer, {
        title: "Ledger storage saturates",
        service: "ledger",
        incidents: [`INC-${a.number}`, String(b.number)],
      }),
    );
    const p = await problem(made.id);
    expect(p).toMatchObject({
      state: "new",
      owner: { email: "engineer@pharos.demo" },
      service: { slug: "ledger" },
    });
    expect(p.incidents.map((i) => i.number).sort()).toEqual([a.number, b.number].sort());
    const inc = ok(await runQuery(incidentRead, people.viewer, { id: a.id }));
    expect(inc.problem).toMatchObject({ id: made.id, number: made.number });
    const other = await run(createProblem, people.engineer, {
      title: "Another",
      service: "ledger",
      incidents: [a.id],
    });
    expect(other.ok || other.fieldErrors?.incidents).toBe(
      `INC-${a.number} is already linked to PRB-${made.number}; unlink it there first.`,
    );
    const unknown = await run(linkProblemIncidents, people.engineer, {
      id: made.id,
      incidents: ["INC-999999"],
    });
    expect(unknown.ok || unknown.fieldErrors?.incidents).toBe("No incident INC-999999.");
    ok(await run(unlinkProblemIncidents, people.engineer, { id: made.id, incidents: [`INC-${b.number}`] }));
    expect((await problem(made.id)).incidents.map((i) => i.id)).toEqual([a.id]);
    // Links are not edits of the problem: its version stays.
    expect((await problem(made.id)).version).toBe(1);
    const list = ok(
      await runQuery(listProblemsRead, people.viewer, { service: "ledger", q: `PRB-${made.number}` }),
    );
    expect(list.items.map((r) => [r.id, r.incidents])).toEqual([[made.id, 1]]);
  });
});

describe("problem states", () => {
  it("needs a root cause or workaround for a known error and a reason to accept the risk, keeping the history", async () => {
    const { id } = ok(
      await run(createProblem, people.engineer, { title: "Cron drift", service: "etl-scheduler" }),
    );
    const skip = await run(patchProblem, people.engineer, { id, version: 1, state: "known_error" });
    expect(skip.ok || skip.fieldErrors?.state).toBe("A problem that is new cannot become known error.");
    ok(await run(patchProblem, people.engineer, { id, version: 1, state: "investigating" }));
    const bare = await run(patchProblem, people.engineer, { id, version: 2, state: "known_error" });
    expect(bare.ok || bare.fieldErrors?.workaround).toMatch(/root cause or a workaround/);
    ok(
      await run(patchProblem, people.engineer, {
        id,
        version: 2,
        state: "known_error",
        workaround: "Restart the scheduler after a leap second.",
      }),
    );
    expect((await problem(id)).knownErrorAt).not.toBeNull();
    const blank = await run(patchProblem, people.engineer, { id, version: 3, workaround: "" });
    expect(blank.ok || blank.fieldErrors?.rootCause).toMatch(/root cause or a workaround/);
    const noReason = await run(patchProblem, people.engineer, { id, version: 3, state: "risk_accepted" });
    expect(noReason.ok || noReason.fieldErrors?.reason).toMatch(/Say why the risk is accepted/);
    ok(
      await run(patchProblem, people.engineer, {
        id,
        version: 3,
        state: "risk_accepted",
        reason: "The scheduler is replaced in Q1.",
      }),
    );
    ok(await run(patchProblem, people.admin, { id, version: 4, description: "Still true." }));
    ok(await run(patchProblem, people.engineer, { id, version: 5, state: "investigating" }));
    ok(
      await run(patchProblem, people.engineer, {
        id,
        version: 6,
        state: "known_error",
        rootCause: "NTP step.",
      }),
    );
    ok(await run(patchProblem, people.engineer, { id, version: 7, state: "resolved" }));
    const p = await problem(id);
    expect(p.resolvedAt).not.toBeNull();
    expect(p.history.map((h) => [h.from, h.to, h.reason])).toEqual([
      [null, "new", null],
      ["new", "investigating", null],
      ["investigating", "known_error", null],
      ["known_error", "risk_accepted", "The scheduler is replaced in Q1."],
      ["risk_accepted", "investigating", null],
      ["investigating", "known_error", null],
      ["known_error", "resolved", null],
    ]);
    const reopened = ok(await run(patchProblem, people.engineer, { id, version: 8, state: "investigating" }));
    expect(reopened.version).toBe(9);
    expect((await problem(id)).resolvedAt).toBeNull();
    const stale = await run(patchProblem, people.admin, { id, version: 8, title: "Late edit" });
    expect(stale).toMatchObject({ ok: false, code: "conflict", details: { currentVersion: 9 } });
  });
});

describe("problem suggestions", () => {
  it("proposes one problem for three alike incidents; accepting links them all and closes the suggestion", async () => {
    const ids = [];
    for (const title of [
      "Search index lagging behind writes",
      "Search index lagging behind writes again",
      "Search index lagging behind writes in EU",
    ])
      ids.push((await declare(title, "search-index")).id);
    const [suggestion, ...rest] = await openOn("search-index");
    expect(rest).toEqual([]);
    expect(suggestion.kind).toBe("similar_titles");
    expect(suggestion.incidents.map((i) => i.id).sort()).toEqual([...ids].sort());
    const viewer = await run(acceptSuggestion, people.viewer, { id: suggestion.id });
    expect(viewer.ok || viewer.code).toBe("forbidden");
    const made = ok(await run(acceptSuggestion, people.engineer, { id: suggestion.id }));
    const p = await problem(made.id);
    expect(p.service?.slug).toBe("search-index");
    expect(p.incidents.map((i) => i.id).sort()).toEqual([...ids].sort());
    expect(await openOn("search-index")).toEqual([]);
    const [row] = await t.db
      .select()
      .from(problemSuggestions)
      .where(eq(problemSuggestions.id, suggestion.id));
    expect(row).toMatchObject({
      state: "accepted",
      problemId: made.id,
      decidedById: people.engineer.user.id,
    });
    const again = await run(acceptSuggestion, people.engineer, { id: suggestion.id });
    expect(again.ok || again.error).toBe("This suggestion was already accepted.");
  });

  it("a dismissed suggestion stays dismissed when a fourth alike incident arrives", async () => {
    for (const title of [
      "Profile avatars fail to upload",
      "Profile avatars fail to upload on iOS",
      "Profile avatars fail to upload again",
    ])
      await declare(title, "user-profile");
    const [suggestion] = await openOn("user-profile");
    expect(suggestion.incidents).toHaveLength(3);
    ok(await run(dismissSuggestion, people.engineer, { id: suggestion.id }));
    expect(await openOn("user-profile")).toEqual([]);
    const fourth = await declare("Profile avatars fail to upload for large images", "user-profile");
    // It is alike enough to join the group: only the dismissal keeps the suggestion closed.
    const [alike] = rowsOf<{ s: number }>(
      await t.db.execute(
        sql`select similarity('Profile avatars fail to upload for large images', 'Profile avatars fail to upload') as s`,
      ),
    );
    expect(alike.s).toBeGreaterThanOrEqual(TITLE_SIMILARITY);
    expect(await openOn("user-profile")).toEqual([]);
    const [row] = await t.db
      .select()
      .from(problemSuggestions)
      .where(eq(problemSuggestions.id, suggestion.id));
    expect(row.state).toBe("dismissed");
    expect(row.decidedById).toBe(people.engineer.user.id);
    expect(row.incidentIds).not.toContain(fourth.id);
    const [linked] = await t.db.select().from(incidents).where(eq(incidents.id, fourth.id));
    expect(linked.problemId).toBeNull();
  });
});
