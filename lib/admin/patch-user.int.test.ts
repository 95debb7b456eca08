import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiTokens, auditLog, authSessions, users } from "@/db/schema";
import { cliActor } from "@/lib/auth/actor";
import { createToken } from "@/lib/auth/token-commands";
import { executeCommand } from "@/lib/command/execute";
import { makeUser, reload } from "@/tests/actors";
import { withTestDatabase } from "@/tests/database";
import { LAST_ADMIN_MESSAGE, patchUser } from "./user-commands";

const t = withTestDatabase();

const auditRows = async (userId: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "user"), eq(auditLog.entityId, userId)));

/** Leaves `keep` as the only active admin, so the last-admin rule can be exercised. */
async function onlyAdmin(keep: string) {
  const others = await t.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.deactivatedAt)));
  const ids = others.map((o) => o.id).filter((id) => id !== keep);
  if (ids.length) await t.db.update(users).set({ role: "viewer" }).where(inArray(users.id, ids));
}

describe("patchUser", () => {
  it("applies name, role and deactivation together: one transaction, one audit row, the committed state", async () => {
    const { actor: admin } = await makeUser(t.db, "admin");
    const { user } = await makeUser(t.db, "engineer");
    const token = await executeCommand(createToken, cliActor, { name: "ci", userId: user.id });
    if (!token.ok) throw new Error(token.error);
    const [session] = await t.db
      .insert(authSessions)
      .values({ userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) })
      .returning();

    const result = await executeCommand(patchUser, admin, {
      id: user.id,
      name: "Renamed Person",
      role: "change_manager",
      active: false,
    });
    if (!result.ok) throw new Error(result.error);
    const stored = await reload(t.db, user.id);
    expect(result.data).toMatchObject({
      id: user.id,
      name: "Renamed Person",
      role: "change_manager",
      deactivatedAt: stored.deactivatedAt,
      updatedAt: stored.updatedAt,
    });
    expect(result.data).not.toHaveProperty("passwordHash");
    expect(stored).toMatchObject({ name: "Renamed Person", role: "change_manager" });
    expect(stored.deactivatedAt).not.toBeNull();
    expect(stored.sessionVersion).toBe(user.sessionVersion + 1);
    const [tokenRow] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, token.data.id));
    expect(tokenRow.revokedAt).not.toBeNull();
    const sessions = await t.db.select().from(authSessions).where(eq(authSessions.userId, user.id));
    expect(sessions.every((s) => s.endedAt !== null)).toBe(true);

    const rows = await auditRows(user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "user.deactivate",
      actorUserId: admin.user.id,
      before: { name: user.name, role: "engineer", deactivatedAt: null },
      after: {
        name: "Renamed Person",
        role: "change_manager",
        revokedTokens: [token.data.id],
        endedSessions: [session.id],
      },
    });

    const back = await executeCommand(patchUser, admin, { id: user.id, active: true, role: "viewer" });
    expect(back).toMatchObject({ ok: true, data: { role: "viewer", deactivatedAt: null } });
    expect((await auditRows(user.id)).map((r) => r.action)).toEqual(["user.deactivate", "user.reactivate"]);
  });

  it("changes nothing for an empty patch, a patch of current values, or unknown fields: no write, no audit row", async () => {
    const { actor: admin } = await makeUser(t.db, "admin");
    const { user } = await makeUser(t.db, "viewer");
    for (const patch of [{}, { name: user.name, role: user.role, active: true }, { colour: "blue" }]) {
      const result = await executeCommand(patchUser, admin, { id: user.id, ...patch });
      expect(result, JSON.stringify(patch)).toMatchObject({
        ok: true,
        data: { id: user.id, name: user.name },
      });
    }
    expect((await reload(t.db, user.id)).updatedAt).toEqual(user.updatedAt);
    expect(await auditRows(user.id)).toEqual([]);
  });

  it("is idempotent: deactivating a deactivated user or reactivating an active one is ok and records nothing", async () => {
    const { actor: admin } = await makeUser(t.db, "admin");
    const { user } = await makeUser(t.db, "engineer");
    const reactivated = await executeCommand(patchUser, admin, { id: user.id, active: true });
    expect(reactivated).toMatchObject({ ok: true, data: { deactivatedAt: null } });
    expect(await auditRows(user.id)).toHaveLength(0);

    const first = await executeCommand(patchUser, admin, { id: user.id, active: false });
    const again = await executeCommand(patchUser, admin, { id: user.id, active: false });
    if (!first.ok || !again.ok) throw new Error("deactivation failed");
    expect(again.data).toEqual(first.data);
    expect(await auditRows(user.id)).toHaveLength(1);
    expect((await reload(t.db, user.id)).sessionVersion).toBe(user.sessionVersion + 1);
  });

  it("refuses bad input field by field and writes nothing", async () => {
    const { actor: admin } = await makeUser(t.db, "admin");
    const { user } = await makeUser(t.db, "viewer");
    const bad = await executeCommand(patchUser, admin, {
      id: user.id,
      active: "false",
      role: "root",
      name: "",
    });
    expect(bad).toMatchObject({ ok: false, code: "invalid" });
    expect(Object.keys(bad.ok ? {} : (bad.fieldErrors ?? {})).sort()).toEqual(["active", "role"]);
    const missing = await executeCommand(patchUser, admin, { id: crypto.randomUUID(), name: "Nobody" });
    expect(missing).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeCommand(patchUser, null, { id: user.id, name: "X" })).toMatchObject({
      code: "unauthorized",
    });
    const { actor: engineer } = await makeUser(t.db, "engineer");
    expect(await executeCommand(patchUser, engineer, { id: user.id, name: "X" })).toMatchObject({
      code: "forbidden",
    });
    expect(await auditRows(user.id)).toEqual([]);
  });

  it("never leaves Pharos without an active admin, and nobody deactivates themselves", async () => {
    const { user: last, actor } = await makeUser(t.db, "admin");
    await onlyAdmin(last.id);
    for (const patch of [{ role: "engineer" }, { active: false }, { role: "admin", active: false }]) {
      const refused = await executeCommand(patchUser, cliActor, { id: last.id, ...patch });
      expect(refused, JSON.stringify(patch)).toMatchObject({
        ok: false,
        code: "conflict",
        error: LAST_ADMIN_MESSAGE,
      });
    }
    expect(await executeCommand(patchUser, actor, { id: last.id, active: false })).toMatchObject({
      ok: false,
      code: "conflict",
      error: "You cannot deactivate yourself.",
    });
    // Renaming the last admin is fine; so is demoting them once another admin exists.
    expect(await executeCommand(patchUser, actor, { id: last.id, name: "Still Admin" })).toMatchObject({
      ok: true,
    });
    const { user: second } = await makeUser(t.db, "admin");
    expect(await executeCommand(patchUser, actor, { id: last.id, role: "viewer" })).toMatchObject({
      ok: true,
      data: { role: "viewer" },
    });
    // A deactivated admin does not count: the remaining one stays.
    await t.db.update(users).set({ role: "admin", deactivatedAt: new Date() }).where(eq(users.id, last.id));
    expect(await executeCommand(patchUser, cliActor, { id: second.id, role: "engineer" })).toMatchObject({
      ok: false,
      code: "conflict",
    });
    const [{ n }] = await t.db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, "admin"), isNull(users.deactivatedAt)));
    expect(n).toBe(1);
  });
});
