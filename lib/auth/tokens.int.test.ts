import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiTokens } from "@/db/schema";
import { executeCommand } from "@/lib/command/execute";
import { makeUser } from "@/tests/actors";
import { withTestDatabase } from "@/tests/database";
import { actorFromBearer } from "./api-tokens";
import { createToken, revokeToken } from "./token-commands";

const t = withTestDatabase();

describe("API tokens", () => {
  it("are shown once, stored hashed, and resolve to their owner with their scopes", async () => {
    const { actor } = await makeUser(t.db, "engineer");
    const created = await executeCommand(createToken, actor, {
      name: "deploy",
      scopes: ["read", "write", "write"],
      expiresIn: "7d",
    });
    if (!created.ok) throw new Error(created.error);
    expect(created.data.scopes).toEqual(["read", "write"]);
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, created.data.id));
    expect(row.tokenHash).not.toContain(created.data.token);
    expect(JSON.stringify(row)).not.toContain(created.data.token);
    const resolved = await actorFromBearer(t.db, `Bearer ${created.data.token}`);
    expect(resolved).toMatchObject({
      kind: "user",
      via: "api",
      user: { id: actor.user.id, role: "engineer" },
      token: { scopes: ["read", "write"] },
    });
    const [used] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, created.data.id));
    expect(used.lastUsedAt).not.toBeNull();
  });

  it("rejects malformed headers, unknown, expired and revoked tokens", async () => {
    const { actor } = await makeUser(t.db, "viewer");
    const created = await executeCommand(createToken, actor, { name: "short-lived" });
    if (!created.ok) throw new Error(created.error);
    expect(await actorFromBearer(t.db, null)).toBeNull();
    expect(await actorFromBearer(t.db, created.data.token)).toBeNull();
    expect(await actorFromBearer(t.db, "Bearer pharos_not-a-real-token")).toBeNull();
    await t.db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, created.data.id));
    expect(await actorFromBearer(t.db, `Bearer ${created.data.token}`)).toBeNull();

    const other = await executeCommand(createToken, actor, { name: "to-revoke" });
    if (!other.ok) throw new Error(other.error);
    expect(await actorFromBearer(t.db, `Bearer ${other.data.token}`)).not.toBeNull();
    expect((await executeCommand(revokeToken, actor, { id: other.data.id })).ok).toBe(true);
    expect(await actorFromBearer(t.db, `Bearer ${other.data.token}`)).toBeNull();
  });

  it("validates names, scopes and expiry", async () => {
    const { actor } = await makeUser(t.db, "engineer");
    const bad = await executeCommand(createToken, actor, {
      name: "",
      scopes: ["root"],
      expiresIn: "forever",
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.fieldErrors?.name).toBeDefined();
    expect(bad.fieldErrors?.["scopes.0"]).toMatch(/Scopes are read, write, admin/);
    expect(bad.fieldErrors?.expiresIn).toMatch(/duration like 30d/);
    const never = await executeCommand(createToken, actor, { name: "x", expiresIn: "never" });
    expect(never).toMatchObject({ ok: false, fieldErrors: { expiresIn: "Tokens expire within 366 days." } });
  });

  it("lets only admins mint or revoke tokens for someone else", async () => {
    const { actor: engineer } = await makeUser(t.db, "engineer");
    const { actor: someone } = await makeUser(t.db, "viewer");
    const { actor: admin } = await makeUser(t.db, "admin");
    expect(await executeCommand(createToken, engineer, { name: "x", userId: someone.user.id })).toMatchObject(
      { ok: false, code: "forbidden" },
    );
    const minted = await executeCommand(createToken, admin, { name: "for-someone", userId: someone.user.id });
    if (!minted.ok) throw new Error(minted.error);
    // Someone else's token looks like no token at all to a non-admin.
    expect(await executeCommand(revokeToken, engineer, { id: minted.data.id })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect((await executeCommand(revokeToken, admin, { id: minted.data.id })).ok).toBe(true);
  });
});
