import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiTokens, auditLog } from "@/db/schema";
import { listAudit, listTokens } from "@/lib/admin/queries";
import { createTeam } from "@/lib/admin/team-commands";
import { executeCommand } from "@/lib/command/execute";
import { makeUser } from "@/tests/actors";
import { withTestDatabase } from "@/tests/database";
import { can } from "./actor";
import { actorFromBearer } from "./api-tokens";
import { scopesForRole } from "./permissions";
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
    expect(bad.fieldErrors?.scopes).toMatch(/Unknown scope "root"\. Scopes are read, write, admin/);
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

describe("token scopes", () => {
  const tokenCount = async () => (await t.db.select({ n: count() }).from(apiTokens))[0].n;

  it("accepts per-resource and narrow scopes, deduplicated in the table's order", async () => {
    const { actor } = await makeUser(t.db, "engineer");
    const created = await executeCommand(createToken, actor, {
      name: "ci-slo",
      scopes: "slo:measurements, catalog:read catalog:read",
    });
    if (!created.ok) throw new Error(created.error);
    expect(created.data.scopes).toEqual(["catalog:read", "slo:measurements"]);
    const resolved = await actorFromBearer(t.db, `Bearer ${created.data.token}`);
    expect(can(resolved, "slo.measurements.write")).toBe(true);
    expect(can(resolved, "catalog.read")).toBe(true);
    expect(can(resolved, "service.create")).toBe(false);
  });

  it("refuses a scope the owner's role cannot use, naming it, and writes nothing", async () => {
    const { actor: viewer } = await makeUser(t.db, "viewer");
    const before = await tokenCount();
    const own = await executeCommand(createToken, viewer, {
      name: "x",
      scopes: ["read", "write", "catalog:write"],
    });
    expect(own).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { scopes: "Your role (Viewer) cannot use write, catalog:write." },
    });
    const { actor: admin } = await makeUser(t.db, "admin");
    const { user: engineer } = await makeUser(t.db, "engineer");
    const forOther = await executeCommand(createToken, admin, {
      name: "x",
      scopes: ["admin"],
      userId: engineer.id,
    });
    expect(forOther).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { scopes: `${engineer.name} (Engineer) cannot use admin.` },
    });
    expect(await tokenCount()).toBe(before);
    // What the role offers is accepted, scope by scope.
    for (const scope of scopesForRole("viewer")) {
      expect((await executeCommand(createToken, viewer, { name: scope, scopes: [scope] })).ok, scope).toBe(
        true,
      );
    }
  });

  it("never lets a token mint a token broader than itself", async () => {
    const { actor } = await makeUser(t.db, "admin");
    const viaToken = (scopes: string[]) => ({
      ...actor,
      via: "api" as const,
      token: { id: randomUUID(), scopes },
    });
    // admin:write may manage tokens, but not hand out catalog writes it does not hold.
    expect(
      await executeCommand(createToken, viaToken(["admin:write"]), { name: "x", scopes: ["write"] }),
    ).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { scopes: "A token cannot make a token with more access than itself: write." },
    });
    expect(
      (await executeCommand(createToken, viaToken(["admin"]), { name: "y", scopes: ["write"] })).ok,
    ).toBe(true);
    expect(
      (await executeCommand(createToken, viaToken(["admin:write"]), { name: "z", scopes: ["admin:read"] }))
        .ok,
    ).toBe(true);
  });
});

describe("tokens an admin mints for someone else", () => {
  it("record the admin, list them as minted by them, and audit their writes under both names", async () => {
    const { actor: admin } = await makeUser(t.db, "admin");
    const { user: owner } = await makeUser(t.db, "admin");
    const minted = await executeCommand(createToken, admin, {
      name: "ops-bot",
      scopes: ["admin"],
      userId: owner.id,
    });
    if (!minted.ok) throw new Error(minted.error);
    expect(minted.data).toMatchObject({ userId: owner.id, mintedByUserId: admin.user.id });
    const own = await executeCommand(createToken, admin, { name: "mine" });
    if (!own.ok) throw new Error(own.error);
    expect(own.data.mintedByUserId).toBeNull();

    const listed = await listTokens(t.db, { userId: owner.id });
    expect(listed).toEqual([expect.objectContaining({ name: "ops-bot", mintedByEmail: admin.user.email })]);

    const bot = await actorFromBearer(t.db, `Bearer ${minted.data.token}`);
    expect(bot).toMatchObject({
      user: { id: owner.id },
      token: { id: minted.data.id, mintedBy: { id: admin.user.id, email: admin.user.email } },
    });
    const mine = await actorFromBearer(t.db, `Bearer ${own.data.token}`);
    expect(mine?.kind === "user" && mine.token).not.toHaveProperty("mintedBy");

    const team = await executeCommand(createTeam, bot, { slug: "minted-team", name: "Minted" });
    if (!team.ok) throw new Error(team.error);
    const [row] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "team.create"), eq(auditLog.entityId, team.data.id)));
    expect(row).toMatchObject({
      actorUserId: owner.id,
      actorLabel: owner.email,
      via: "api",
      tokenId: minted.data.id,
      mintedByUserId: admin.user.id,
      mintedByLabel: admin.user.email,
    });
    const { items } = await listAudit(t.db, { entityId: team.data.id }, { offset: 0, pageSize: 10 });
    expect(items[0]).toMatchObject({ actorLabel: owner.email, mintedByLabel: admin.user.email });
    // The admin's own name finds what was done with tokens they minted.
    const byMinter = await listAudit(t.db, { actor: admin.user.email }, { offset: 0, pageSize: 50 });
    expect(byMinter.items.map((i) => i.entityId)).toContain(team.data.id);
  });
});

describe("revoking", () => {
  const revokes = async (id: string) =>
    (
      await t.db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.action, "token.revoke"), eq(auditLog.entityId, id)))
    )[0].n;

  it("a revoked token again answers ok with its current state and no new audit row", async () => {
    const { actor } = await makeUser(t.db, "engineer");
    const created = await executeCommand(createToken, actor, { name: "twice" });
    if (!created.ok) throw new Error(created.error);
    const first = await executeCommand(revokeToken, actor, { id: created.data.id });
    const second = await executeCommand(revokeToken, actor, { id: created.data.id });
    if (!first.ok || !second.ok) throw new Error("revoke failed");
    expect(first.data.revokedAt).toBeInstanceOf(Date);
    expect(second.data).toEqual(first.data);
    expect(second.data).not.toHaveProperty("tokenHash");
    expect(await revokes(created.data.id)).toBe(1);
  });

  it("six concurrent revokes of one token: one revokes, the others see it revoked", async () => {
    const { actor } = await makeUser(t.db, "engineer");
    const created = await executeCommand(createToken, actor, { name: "raced" });
    if (!created.ok) throw new Error(created.error);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => executeCommand(revokeToken, actor, { id: created.data.id })),
    );
    for (const r of results) expect(r).toMatchObject({ ok: true });
    const stamps = new Set(results.map((r) => (r.ok ? r.data.revokedAt?.toISOString() : "failed")));
    expect(stamps.size).toBe(1);
    expect(await revokes(created.data.id)).toBe(1);
  });
});
