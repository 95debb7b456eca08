import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { executeCommand } from "@/lib/command/execute";
import { runQuery } from "@/lib/query/run";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { ok, resolvedIncident as resolvedIncidentOf } from "@/tests/incidents/fixtures";
import { businessDaysAfter, isoDay } from "./business-days";
import { declareIncident, patchIncident } from "./incident-commands";
import { createPostmortem, patchPostmortem } from "./postmortem-commands";
import { missingDueDay } from "./postmortem-queries";
import { listPostmortemsRead, postmortemRead } from "./postmortem-reads";

const t = withTestDatabase();
let people: Awaited<ReturnType<typeof demo>>;
const run = executeCommand;
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const DAY = 24 * 60;
const resolvedIncident = (severity = "sev2") => resolvedIncidentOf(people.engineer, severity);

beforeAll(async () => {
  people = await demo(t.db);
});

describe("concurrent edits", () => {
  it("gives the second of two editors of one version a 409 naming the current version", async () => {
    const incident = await resolvedIncident("sev3");
    const { id } = ok(await run(createPostmortem, people.engineer, { incidentId: incident.id }));
    ok(await run(patchPostmortem, people.engineer, { id, version: 1, summary: "First" }));
    const second = await run(patchPostmortem, people.admin, { id, version: 1, summary: "Second" });
    expect(second).toMatchObject({ ok: false, code: "conflict", details: { currentVersion: 2 } });
    expect(ok(await runQuery(postmortemRead, people.viewer, { id })).summary).toBe("First");
    const same = ok(await run(patchPostmortem, people.engineer, { id, version: 2, summary: "First" }));
    expect(same).toMatchObject({ version: 2, changed: [] });
  });
});

describe("overdue postmortems", () => {
  it("lists unpublished ones past their due day and major incidents with none five working days on", async () => {
    const late = await resolvedIncident("sev3");
    const lateDue = isoDay(new Date(Date.now() - 2 * DAY * 60_000));
    const latePm = ok(await run(createPostmortem, people.engineer, { incidentId: late.id, dueOn: lateDue }));
    const onTime = await resolvedIncident("sev2"); // resolved now: nothing is due yet
    const old = async (severity: string) => {
      const made = ok(
        await run(declareIncident, people.engineer, {
          title: `Old ${severity} outage`,
          severity,
          services: ["ledger"],
          declaredAt: ago(20 * DAY),
        }),
      );
      const resolvedAt = ago(19 * DAY);
      ok(
        await run(patchIncident, people.engineer, {
          id: made.id,
          version: 1,
          status: "resolved",
          mitigatedAt: resolvedAt,
          resolvedAt,
        }),
      );
      return { ...made, resolvedAt };
    };
    const missing = await old("sev1");
    const minor = await old("sev4");
    const list = ok(await runQuery(listPostmortemsRead, people.viewer, { overdue: "1" }));
    const byIncident = new Map(list.items.map((r) => [r.incident.id, r]));
    expect(byIncident.get(late.id)).toMatchObject({
      id: latePm.id,
      status: "draft",
      dueOn: lateDue,
      overdue: true,
    });
    expect(byIncident.get(missing.id)).toMatchObject({
      id: null,
      status: null,
      overdue: true,
      dueOn: isoDay(businessDaysAfter(new Date(missing.resolvedAt), 5)),
    });
    expect(byIncident.has(onTime.id)).toBe(false);
    expect(byIncident.has(minor.id)).toBe(false);
    expect(list.total).toBe(list.items.length);
    // Without the filter only written postmortems are listed.
    const all = ok(await runQuery(listPostmortemsRead, people.viewer, {}));
    expect(all.items.every((r) => r.id !== null)).toBe(true);
  });

  it("counts a missing postmortem's due day in SQL exactly as businessDaysAfter does", async () => {
    const starts = Array.from({ length: 21 }, (_, i) => [
      new Date(Date.UTC(2026, 11, 1 + i, 0, 0, 1)),
      new Date(Date.UTC(2026, 11, 1 + i, 23, 59, 59)),
    ]).flat();
    for (const at of starts) {
      const [row] = rowsOf<{ due: string }>(
        await t.db.execute(
          sql`select to_char(${missingDueDay(sql`${at.toISOString()}::timestamptz`)}, 'YYYY-MM-DD') as due`,
        ),
      );
      expect(row.due, at.toISOString()).toBe(isoDay(businessDaysAfter(at, 5)));
    }
  });
});
