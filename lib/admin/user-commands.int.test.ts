import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, teamMembers, teams, userInvites } from "@/db/schema";
import { cliActor } from "@/lib/auth/actor";
import { actorFromBearer } from "@/lib/auth/api-tokens";
import { inviteeActor } from "@/lib/auth/invites";
import { verifyPassword } from "@/lib/auth/password";
import { createToken } from "@/lib/auth/token-commands";
import { executeCommand } from "@/lib/command/execute";
import { makeUser, reload } from "@/tests/actors";
import { withTestDatabase } from "@/tests/database";
import { listUsers } from "./queries";
import { acceptInvite, createUser, patchUser, provisionSsoUser } from "./user-commands";

const t = withTestDatabase();

describe("user administration", () => {
  it("creates an invited user in their teams, and the invite sets a password exactly once", async () => {
    const [team] = await t.db.insert(teams).values({ slug: "sre", name: "SRE" }).returning();
    const { actor } = await makeUser(t.db, "admin");
    const created = await executeCommand(createUser, actor, {
      email: "  New.Person@Example.COM ",
      name: "New Person",
      role: "engineer",
      teams: ["sre"],
    });
    if (!created.ok) throw new Error(created.error);
    expect(created.data.user).toMatchObject({
      email: "new.person@example.com",
      role: "engineer",
      hasPassword: false,
    });
    expect(created.data.user).not.toHaveProperty("passwordHash");
    expect(created.data.inviteToken).toMatch(/^pharos_/);
    const members = await t.db.select().from(teamMembers).where(eq(teamMembers.teamId, team.id));
    expect(members.map((m) => m.userId)).toEqual([created.data.user.id]);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.create"), eq(auditLog.entityId, created.data.user.id)));
    expect(audit.after).toMatchObject({ email: "new.person@example.com", teams: ["sre"] });

    // The link identifies the invitee, who accepts as themselves; nobody else may use it.
    const invitee = await inviteeActor(created.data.inviteToken);
    if (!invitee) throw new Error("the invite did not resolve");
    expect(invitee.user.id).toBe(created.data.user.id);
    const stranger = await executeCommand(acceptInvite, actor, {
      token: created.data.inviteToken,
      password: "long-enough-1",
      confirm: "long-enough-1",
    });
    expect(stranger).toMatchObject({ ok: false, code: "forbidden" });
    const mismatch = await executeCommand(acceptInvite, invitee, {
      token: created.data.inviteToken,
      password: "long-enough-1",
      confirm: "long-enough-2",
    });
    expect(mismatch).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { confirm: "The two passwords differ." },
    });
    const accepted = await executeCommand(acceptInvite, invitee, {
      token: created.data.inviteToken,
      password: "long-enough-1",
      confirm: "long-enough-1",
    });
    expect(accepted).toMatchObject({ ok: true, data: { email: "new.person@example.com" } });
    const user = await reload(t.db, created.data.user.id);
    expect(await verifyPassword("long-enough-1", user.passwordHash)).toBe(true);
    expect(await inviteeActor(created.data.inviteToken)).toBeNull();
    const reused = await executeCommand(acceptInvite, invitee, {
      token: created.data.inviteToken,
      password: "other-password-9",
      confirm: "other-password-9",
    });
    expect(reused).toMatchObject({ ok: false, code: "not_found" });
    const [invite] = await t.db.select().from(userInvites).where(eq(userInvites.userId, user.id));
    expect(invite.tokenHash).not.toBe(created.data.inviteToken);
  });

  it("rejects bad input field by field, duplicates and unknown teams, writing nothing", async () => {
    const { actor } = await makeUser(t.db, "admin", { email: "dupe@example.com" });
    const bad = await executeCommand(createUser, actor, {
      email: "nope",
      name: "",
      role: "root",
      password: "short",
    });
    expect(bad).toMatchObject({ ok: false, code: "invalid" });
    expect(Object.keys(bad.ok ? {} : (bad.fieldErrors ?? {})).sort()).toEqual([
      "email",
      "name",
      "password",
      "role",
    ]);
    const dupe = await executeCommand(createUser, actor, {
      email: "DUPE@example.com",
      name: "X",
      role: "viewer",
    });
    expect(dupe).toMatchObject({
      ok: false,
      code: "conflict",
      fieldErrors: { email: "Already registered." },
    });
    const unknownTeam = await executeCommand(createUser, actor, {
      email: "t@example.com",
      name: "T",
      role: "viewer",
      teams: ["ghosts"],
    });
    expect(unknownTeam).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { teams: "Unknown team: ghosts." },
    });
    const { items } = await listUsers(t.db, { q: "t@example.com" }, { offset: 0, pageSize: 10 });
    expect(items).toEqual([]);
  });

  it("deactivation ends sessions (version bump) and every token at once; reactivation restores sign-in only", async () => {
    const { actor: admin } = await makeUser(t.db, "admin");
    const { user } = await makeUser(t.db, "engineer", { password: "engineer-pass-1" });
    const token = await executeCommand(createToken, cliActor, {
      name: "ci",
      scopes: ["read"],
      userId: user.id,
    });
    if (!token.ok) throw new Error(token.error);
    expect(await actorFromBearer(t.db, `Bearer ${token.data.token}`)).not.toBeNull();

    const off = await executeCommand(patchUser, admin, { id: user.id, active: false });
    expect(off.ok).toBe(true);
    const after = await reload(t.db, user.id);
    expect(after.deactivatedAt).not.toBeNull();
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await actorFromBearer(t.db, `Bearer ${token.data.token}`)).toBeNull();

    expect((await executeCommand(patchUser, admin, { id: user.id, active: true })).ok).toBe(true);
    // Revoked tokens stay revoked: reactivating a person does not resurrect old credentials.
    expect(await actorFromBearer(t.db, `Bearer ${token.data.token}`)).toBeNull();
  });

  it("keeps at least one active admin and forbids deactivating yourself", async () => {
    const lone = await makeUser(t.db, "admin");
    const self = await executeCommand(patchUser, lone.actor, { id: lone.user.id, active: false });
    expect(self).toMatchObject({ ok: false, code: "conflict", error: "You cannot deactivate yourself." });
    // Demote every other admin via the CLI, then try to demote the last one.
    const { items } = await listUsers(
      t.db,
      { role: "admin", status: "active" },
      { offset: 0, pageSize: 100 },
    );
    for (const other of items.filter((u) => u.id !== lone.user.id)) {
      expect((await executeCommand(patchUser, cliActor, { id: other.id, role: "viewer" })).ok).toBe(true);
    }
    const last = await executeCommand(patchUser, cliActor, { id: lone.user.id, role: "engineer" });
    expect(last).toMatchObject({
      ok: false,
      code: "conflict",
      error: "Pharos must keep at least one active admin.",
    });
  });

  it("SSO provisioning runs only as the person signing in (lib/auth/sso-sign-in.int.test.ts has the rest)", async () => {
    const input = {
      issuer: "https://idp.example",
      subject: "sub-provision",
      email: "Sso.User@Example.com",
      emailVerified: true,
      name: "SSO User",
      role: "engineer",
    } as const;
    const person = {
      kind: "user",
      via: "web",
      user: { id: crypto.randomUUID(), email: "sso.user@example.com", name: "SSO User", role: "engineer" },
    } as const;
    const first = await executeCommand(provisionSsoUser, person, input);
    if (!first.ok) throw new Error(first.error);
    expect(first.data).toMatchObject({
      id: person.user.id,
      email: "sso.user@example.com",
      authProvider: "oidc",
    });
    const system = await executeCommand(provisionSsoUser, cliActor, { ...input, role: "admin" });
    expect(system).toMatchObject({ ok: false, code: "forbidden" });
    const { actor: someoneElse } = await makeUser(t.db, "viewer");
    const impostor = await executeCommand(provisionSsoUser, someoneElse, { ...input, role: "admin" });
    expect(impostor).toMatchObject({ ok: false, code: "conflict" });
    expect((await reload(t.db, person.user.id)).role).toBe("engineer");
  });

  it("lists users with their teams, filtered", async () => {
    const [team] = await t.db.insert(teams).values({ slug: "listing", name: "Listing" }).returning();
    const { user } = await makeUser(t.db, "viewer", { email: "listed@example.com" });
    await t.db.insert(teamMembers).values({ teamId: team.id, userId: user.id });
    const { items, total } = await listUsers(t.db, { q: "listed@" }, { offset: 0, pageSize: 10 });
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({ email: "listed@example.com", teams: ["listing"], hasPassword: false });
  });
});
