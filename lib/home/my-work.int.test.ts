import { beforeAll, describe, expect, it } from "vitest";
import { executeCommand } from "@/lib/command/execute";
import { createActionItem } from "@/lib/incidents/action-item-commands";
import { declareIncident } from "@/lib/incidents/incident-commands";
import { createProblem } from "@/lib/incidents/problem-commands";
import { runQuery } from "@/lib/query/run";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { ok } from "@/tests/incidents/fixtures";
import { HOME_ACTION_ITEMS, homePageRead } from "./reads";

const t = withTestDatabase();
let people: Awaited<ReturnType<typeof demo>>;
const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

beforeAll(async () => {
  people = await demo(t.db);
});

describe("the engineer's own work on their home", () => {
  it("lists the incidents they are on and their open action items, overdue first", async () => {
    const incident = ok(
      await executeCommand(declareIncident, people.engineer, {
        title: "Ledger writes slow",
        severity: "sev2",
        services: ["ledger"],
      }),
    );
    const problem = ok(
      await executeCommand(createProblem, people.engineer, { title: "Ledger saturates", service: "ledger" }),
    );
    const item = (title: string, dueOn: string, owner = "engineer@pharos.demo") =>
      executeCommand(createActionItem, people.engineer, {
        problemId: problem.id,
        title,
        owner,
        dueOn,
        type: "prevent",
      });
    for (let n = 0; n < HOME_ACTION_ITEMS; n++) ok(await item(`Later ${n}`, day(10 + n)));
    ok(await item("Late", day(-3)));
    ok(await item("Someone else's", day(-3), "admin@pharos.demo"));

    const home = ok(await runQuery(homePageRead, people.engineer, {}));
    expect(home.sections.slice(0, 2)).toEqual(["my-incidents", "my-action-items"]);
    expect(home.myIncidents?.map((i) => [i.id, i.roles])).toEqual([[incident.id, ["commander"]]]);
    const mine = home.actionItems!;
    expect(mine).toMatchObject({ total: HOME_ACTION_ITEMS + 1, overdue: 1 });
    expect(mine.items).toHaveLength(HOME_ACTION_ITEMS);
    expect(mine.items[0]).toMatchObject({
      title: "Late",
      overdue: true,
      parent: { kind: "problem", id: problem.id },
    });
    expect(mine.items.slice(1).every((i) => !i.overdue)).toBe(true);
  });

  it("is not read for the executive's home, and is the viewer's own when they open an engineer's", async () => {
    const viewer = ok(await runQuery(homePageRead, people.viewer, {}));
    expect(viewer).toMatchObject({ myIncidents: null, actionItems: null });
    const asEngineer = ok(await runQuery(homePageRead, people.viewer, { as: "engineer" }));
    expect(asEngineer.myIncidents).toEqual([]);
    expect(asEngineer.actionItems).toMatchObject({ items: [], total: 0, overdue: 0 });
  });
});
