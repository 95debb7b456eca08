import { beforeAll, describe, expect, it } from "vitest";
import { cliActor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/command/execute";
import { runQuery } from "@/lib/query/run";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { ok } from "@/tests/incidents/fixtures";
import { declareIncident, patchIncident } from "./incident-commands";
import { myIncidentsRead } from "./my-incidents-reads";
import { incidentRead } from "./reads";
import { joinIncident, leaveIncident } from "./timeline-commands";

const t = withTestDatabase();
let people: Awaited<ReturnType<typeof demo>>;

beforeAll(async () => {
  people = await demo(t.db);
});

const declare = async (title: string, severity: string, commander = "admin@pharos.demo") =>
  ok(
    await executeCommand(declareIncident, people.admin, {
      title,
      severity,
      services: ["ledger"],
      commander,
    }),
  );
const seat = async (id: string, person = "engineer@pharos.demo") =>
  ok(await executeCommand(joinIncident, people.admin, { id, person, role: "responder" }));
const mine = async (actor: Parameters<typeof runQuery>[1]) =>
  ok(await runQuery(myIncidentsRead, actor, {})).items;

describe("my incidents", () => {
  it("lists the active incidents I command or hold a seat on, most severe first", async () => {
    const commanded = await declare("Ledger writes slow", "sev3", "engineer@pharos.demo");
    const seated = await declare("Ledger replica lag", "sev2");
    await seat(seated.id);
    const left = await declare("Ledger export stuck", "sev2");
    await seat(left.id);
    const detail = ok(await runQuery(incidentRead, people.admin, { id: left.id }));
    const mySeat = detail?.participants.find((p) => p.email === "engineer@pharos.demo");
    ok(await executeCommand(leaveIncident, people.admin, { id: left.id, participantId: mySeat?.id }));
    const over = await declare("Ledger nightly job failed", "sev1");
    await seat(over.id);
    ok(await executeCommand(patchIncident, people.admin, { id: over.id, version: 1, status: "resolved" }));
    const notMine = await declare("Ledger audit lag", "sev4");

    const items = await mine(people.engineer);
    const ids = items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([commanded.id, seated.id]));
    for (const id of [left.id, over.id, notMine.id]) expect(ids).not.toContain(id);
    expect(ids.indexOf(seated.id)).toBeLessThan(ids.indexOf(commanded.id));
    expect(items.find((i) => i.id === commanded.id)).toMatchObject({
      number: commanded.number,
      severity: "sev3",
      status: "open",
      roles: ["commander"],
      services: ["ledger"],
    });
    expect(items.find((i) => i.id === seated.id)?.roles).toEqual(["responder"]);
  });

  it("is someone else's list for someone else, and empty for the operator", async () => {
    const items = await mine(people.viewer);
    expect(items).toEqual([]);
    expect(await mine(cliActor)).toEqual([]);
    expect(await runQuery(myIncidentsRead, null, {})).toMatchObject({ ok: false, code: "unauthorized" });
  });
});
