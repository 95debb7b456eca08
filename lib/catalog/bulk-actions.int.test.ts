import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, services, teams } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { bulkTransferAction, bulkVerifyAction } = await import("./bulk-actions");

const t = withTestDatabase();
let people: Awaited<ReturnType<typeof demo>>;
beforeAll(async () => {
  people = await demo(t.db);
});

const form = (slugs: string[], extra: Record<string, string> = {}) => {
  const data = new FormData();
  for (const s of slugs) data.append("slug", s);
  for (const [k, v] of Object.entries(extra)) data.append(k, v);
  return data;
};

const auditRows = (action: string, slugs: string[]) =>
  t.db
    .select({ entityId: auditLog.entityId })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), inArray(auditLog.entityId, slugs)));

describe("bulk actions on the catalog table", () => {
  it("verifies each selected service through its own command: one audit row each, refusals named", async () => {
    session.actor = people.engineer;
    const before = new Date();
    // Sam is in payments: ledger and refunds are his team's; api-gateway is not. The table and
    // the phone cards both send a checkbox, so a slug may arrive twice.
    const result = await bulkVerifyAction({}, form(["ledger", "refunds", "ledger", "api-gateway"]));
    expect(result.ok).toBe(true);
    expect(result.error).toMatch(
      /^Verified 2 services\. 1 service was not changed \(api-gateway\): Only members/,
    );
    const rows = await t.db
      .select({ slug: services.slug, verifiedAt: services.verifiedAt })
      .from(services)
      .where(inArray(services.slug, ["ledger", "refunds", "api-gateway"]));
    const verified = Object.fromEntries(
      rows.map((r) => [r.slug, (r.verifiedAt?.getTime() ?? 0) >= before.getTime()]),
    );
    expect(verified).toEqual({ ledger: true, refunds: true, "api-gateway": false });
    expect(
      (await auditRows("service.verify", ["ledger", "refunds", "api-gateway"])).map((r) => r.entityId).sort(),
    ).toEqual(["ledger", "refunds"]);
  });

  it("says what to do when nothing is selected, and refuses a viewer outright", async () => {
    session.actor = people.engineer;
    expect(await bulkVerifyAction({}, form([]))).toEqual({
      ok: false,
      error: "Select at least one service first.",
    });
    session.actor = people.viewer;
    const refused = await bulkVerifyAction({}, form(["ledger"]));
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(/1 service was not changed \(ledger\)/);
  });

  it("moves services to another team for an admin only, each with its own audit row", async () => {
    session.actor = people.engineer;
    const denied = await bulkTransferAction({}, form(["ledger"], { ownerTeam: "data" }));
    expect(denied.ok).toBe(false);
    session.actor = people.admin;
    expect(await bulkTransferAction({}, form(["ledger"]))).toMatchObject({
      ok: false,
      fieldErrors: { ownerTeam: "Choose a team." },
    });
    const moved = await bulkTransferAction({}, form(["ledger", "refunds"], { ownerTeam: "data" }));
    expect(moved).toEqual({ ok: true, message: "Moved 2 services to Data Platform." });
    const [data] = await t.db.select({ id: teams.id }).from(teams).where(eq(teams.slug, "data"));
    const owners = await t.db
      .select({ owner: services.ownerTeamId })
      .from(services)
      .where(inArray(services.slug, ["ledger", "refunds"]));
    expect(owners.every((o) => o.owner === data.id)).toBe(true);
    expect((await auditRows("service.transfer", ["ledger", "refunds"])).length).toBe(2);
  });
});
