import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, authSessions, userIdentities, users } from "@/db/schema";
import { makeUser, reload } from "@/tests/actors";
import { withTestDatabase } from "@/tests/database";
import type { RequestFacts } from "./request-facts";
import { type SsoClaims, signInWithSso } from "./sso-sign-in";

const t = withTestDatabase();
const ISSUER = "https://idp.example";
const facts: RequestFacts = { address: "198.51.100.30", https: true, userAgent: "Mozilla/5.0 Firefox/128.0" };
let n = 0;
const claims = (over: Partial<SsoClaims> = {}): SsoClaims => {
  n += 1;
  return {
    issuer: ISSUER,
    subject: `sub-${n}`,
    email: `sso.${n}@example.com`,
    emailVerified: true,
    name: `SSO ${n}`,
    role: "engineer",
    ...over,
  };
};

async function audits(entityId: string) {
  return t.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id);
}

describe("single sign-on", () => {
  it("creates the account as the person signing in, linked by issuer and subject", async () => {
    const c = claims();
    const first = await signInWithSso(t.db, c, facts);
    if (!first.ok) throw new Error(first.error);
    expect(first.user).toMatchObject({
      email: c.email,
      role: "engineer",
      authProvider: "oidc",
      passwordHash: null,
    });
    const [link] = await t.db.select().from(userIdentities).where(eq(userIdentities.userId, first.user.id));
    expect(link).toMatchObject({ issuer: ISSUER, subject: c.subject });
    const [session] = await t.db.select().from(authSessions).where(eq(authSessions.id, first.sessionId));
    expect(session).toMatchObject({ userId: first.user.id, method: "oidc", address: "198.51.100.30" });
    // Web requests never act as the system: every row names the person.
    const rows = await audits(first.user.id);
    expect(rows.map((r) => [r.action, r.actorUserId, r.via])).toEqual([
      ["user.create", first.user.id, "web"],
      ["user.login", first.user.id, "web"],
    ]);

    // The directory changes the role; the email at the provider may change, the link holds.
    const again = await signInWithSso(
      t.db,
      { ...c, email: "renamed@example.com", role: "change_manager" },
      facts,
    );
    expect(again).toMatchObject({
      ok: true,
      user: { id: first.user.id, role: "change_manager", email: c.email },
    });
    expect((await audits(first.user.id)).map((r) => r.action)).toContain("user.role_from_sso");
  });

  it("links an existing account by email only when the provider verified the email", async () => {
    const { user } = await makeUser(t.db, "viewer", { password: "local-password-1" });
    const unverified = await signInWithSso(t.db, claims({ email: user.email, emailVerified: false }), facts);
    expect(unverified).toEqual({ ok: false, error: "sso_unverified_email" });
    expect(await t.db.select().from(userIdentities).where(eq(userIdentities.userId, user.id))).toEqual([]);
    expect(await t.db.select().from(authSessions).where(eq(authSessions.userId, user.id))).toEqual([]);

    const c = claims({ email: user.email.toUpperCase(), role: "viewer", name: user.name });
    const verified = await signInWithSso(t.db, c, facts);
    expect(verified).toMatchObject({ ok: true, user: { id: user.id } });
    expect((await audits(user.id)).map((r) => r.action)).toEqual(["user.sso_link", "user.login"]);

    // A second provider account claiming the same email cannot take the account over.
    const impostor = await signInWithSso(t.db, claims({ email: user.email }), facts);
    expect(impostor).toEqual({ ok: false, error: "sso_identity_conflict" });
  });

  it("never demotes the last active admin; the skipped demotion is audited and sign-in goes on", async () => {
    // Start from a database whose only active admin is the SSO user.
    await t.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.role, "admin"));
    const c = claims({ role: "admin" });
    const first = await signInWithSso(t.db, c, facts);
    if (!first.ok) throw new Error(first.error);
    const demoted = await signInWithSso(t.db, { ...c, role: "viewer" }, facts);
    expect(demoted).toMatchObject({ ok: true, user: { id: first.user.id, role: "admin" } });
    const [kept] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.sso_role_kept"), eq(auditLog.entityId, first.user.id)));
    expect(kept.after).toMatchObject({ role: "admin", mappedRole: "viewer" });

    // With another active admin the directory has its way.
    await makeUser(t.db, "admin");
    const later = await signInWithSso(t.db, { ...c, role: "viewer" }, facts);
    expect(later).toMatchObject({ ok: true, user: { role: "viewer" } });
  });

  it("refuses a deactivated account", async () => {
    const c = claims();
    const first = await signInWithSso(t.db, c, facts);
    if (!first.ok) throw new Error(first.error);
    await t.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, first.user.id));
    expect(await signInWithSso(t.db, c, facts)).toEqual({ ok: false, error: "deactivated" });
    expect((await reload(t.db, first.user.id)).role).toBe("engineer");
  });

  it("two first sign-ins of one person at once make one account", async () => {
    const c = claims();
    const results = await Promise.all([signInWithSso(t.db, c, facts), signInWithSso(t.db, c, facts)]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    const ids = results.map((r) => (r.ok ? r.user.id : null));
    expect(ids[0]).toBe(ids[1]);
    expect(await t.db.select().from(users).where(eq(users.email, c.email))).toHaveLength(1);
  });
});
