import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, savedViews, teamMembers, teams, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/command/execute";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { catalogColumnsOf, viewsFor } from "./queries";
import { deleteView, saveView, setCatalogColumns } from "./view-commands";

const t = withTestDatabase();
let people: Awaited<ReturnType<typeof demo>>;
let teammate: Extract<Actor, { kind: "user" }>;
let outsider: Extract<Actor, { kind: "user" }>;

/** Someone in (or, with `inTeam` false, never in) the payments team other than Sam. */
async function person(inTeam: boolean): Promise<Extract<Actor, { kind: "user" }>> {
  const [payments] = await t.db.select({ id: teams.id }).from(teams).where(eq(teams.slug, "payments"));
  const members = await t.db
    .select({ id: teamMembers.userId })
    .from(teamMembers)
    .where(eq(teamMembers.teamId, payments.id));
  const ids = new Set(members.map((m) => m.id));
  const all = await t.db.select().from(users);
  const u = all.find(
    (x) => x.id !== people.engineer.user.id && ids.has(x.id) === inTeam && x.role !== "admin",
  );
  if (!u) throw new Error("the demo has no such person");
  return { kind: "user", via: "web", user: { id: u.id, email: u.email, name: u.name, role: u.role } };
}

const audits = async (entityId: string) =>
  (await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.entityId, entityId)))[0].n;

beforeAll(async () => {
  people = await demo(t.db);
  teammate = await person(true);
  outsider = await person(false);
});

describe("saved views", () => {
  it("keeps the filters as the catalog writes them and the columns in display order, audited", async () => {
    const saved = await executeCommand(saveView, people.engineer, {
      name: "Tier 0 stale",
      query: "?stale=1&tier=tier0&bogus=1&level=platinum&page=3",
      columns: ["verified", "owner", "tier"],
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    expect(saved.data.query).toBe("tier=tier0&stale=1");
    expect(saved.data.columns).toEqual(["owner", "tier", "verified"]);
    expect(saved.data.teamId).toBeNull();
    expect(await audits(saved.data.id)).toBe(1);
    const mine = await viewsFor(t.db, people.engineer.user.id, "catalog");
    expect(mine.find((v) => v.id === saved.data.id)).toMatchObject({ mine: true, sharedWith: null });
    // Private: a teammate does not see it.
    const theirs = await viewsFor(t.db, teammate.user.id, "catalog");
    expect(theirs.some((v) => v.id === saved.data.id)).toBe(false);
  });

  it("refuses a second view with the same name (in any case) as a field error", async () => {
    const again = await executeCommand(saveView, people.engineer, {
      name: "TIER 0 STALE",
      query: "",
      columns: ["owner"],
    });
    expect(again).toMatchObject({
      ok: false,
      code: "conflict",
      fieldErrors: { name: expect.stringContaining("already") },
    });
  });

  it("shares with one of the person's teams: its members see it, others do not", async () => {
    const shared = await executeCommand(saveView, people.engineer, {
      name: "Payments readiness",
      team: "payments",
      query: "team=payments&sort=level",
      columns: ["tier", "level"],
    });
    if (!shared.ok) throw new Error(JSON.stringify(shared));
    const seen = await viewsFor(t.db, teammate.user.id, "catalog");
    expect(seen.find((v) => v.id === shared.data.id)).toMatchObject({ mine: false, sharedWith: "Payments" });
    expect((await viewsFor(t.db, outsider.user.id, "catalog")).some((v) => v.id === shared.data.id)).toBe(
      false,
    );
  });

  it("will not share with a team the person is not in", async () => {
    const result = await executeCommand(saveView, outsider, {
      name: "Sneaky",
      team: "payments",
      query: "",
      columns: ["owner"],
    });
    expect(result).toMatchObject({ ok: false, code: "forbidden" });
    expect((await t.db.select().from(savedViews).where(eq(savedViews.name, "Sneaky"))).length).toBe(0);
  });

  it("names the field when the input is wrong", async () => {
    const result = await executeCommand(saveView, people.engineer, {
      name: "  ",
      query: "",
      columns: ["owner", "colour"],
    });
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["columns.1", "name"].sort());
  });

  it("lets only the owner delete a view", async () => {
    const [view] = await t.db.select().from(savedViews).where(eq(savedViews.name, "Payments readiness"));
    expect(await executeCommand(deleteView, teammate, { id: view.id })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    const gone = await executeCommand(deleteView, people.engineer, { id: view.id });
    expect(gone.ok).toBe(true);
    expect((await t.db.select().from(savedViews).where(eq(savedViews.id, view.id))).length).toBe(0);
    expect(await audits(view.id)).toBe(2);
  });
});

describe("catalog columns per person", () => {
  it("starts at the default, keeps a choice, and writes nothing when nothing changed", async () => {
    const me = people.viewer.user.id;
    expect(await catalogColumnsOf(t.db, me)).toEqual(["owner", "tier", "level", "verified"]);
    const set = await executeCommand(setCatalogColumns, people.viewer, { columns: ["domain", "owner"] });
    expect(set.ok).toBe(true);
    expect(await catalogColumnsOf(t.db, me)).toEqual(["owner", "domain"]);
    const auditRows = await audits(me);
    expect(
      (await executeCommand(setCatalogColumns, people.viewer, { columns: ["owner", "domain"] })).ok,
    ).toBe(true);
    expect(await audits(me)).toBe(auditRows);
    const other = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, "preference.catalog_columns"), eq(auditLog.entityId, me)));
    expect(other[0].n).toBe(1);
  });
});
