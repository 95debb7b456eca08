import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, authSessions, users } from "@/db/schema";
import { makeUser } from "@/tests/actors";
import { withTestDatabase } from "@/tests/database";
import { type PasswordSignIn, signInWithPassword } from "./password-sign-in";
import type { RequestFacts } from "./request-facts";

const t = withTestDatabase();
const PASSWORD = "the-right-password-1";
const from = (
  address: string | null,
  userAgent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
): RequestFacts => ({
  address,
  https: false,
  userAgent,
});
// One clock for every try: locks then last for the whole test, however slow the machine.
const now = new Date();
const attempt = (email: string, password: string, facts: RequestFacts) =>
  signInWithPassword(t.db, { email, password, facts, now });
const reasons = (results: PasswordSignIn[]) => results.map((r) => (r.ok ? "ok" : r.reason));

describe("password sign-in", () => {
  it("opens a server-side session with the device and address, and audits it", async () => {
    const { user } = await makeUser(t.db, "engineer", { password: PASSWORD });
    const result = await attempt(` ${user.email.toUpperCase()} `, PASSWORD, from("::ffff:198.51.100.7"));
    if (!result.ok) throw new Error(result.reason);
    const [session] = await t.db.select().from(authSessions).where(eq(authSessions.id, result.sessionId));
    expect(session).toMatchObject({
      userId: user.id,
      address: "198.51.100.7",
      method: "password",
      userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
      endedAt: null,
    });
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(12 * 3600 * 1000);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.login"), eq(auditLog.entityId, user.id)));
    expect(audit).toMatchObject({ actorUserId: user.id, via: "web" });
    expect(audit.after).toMatchObject({ method: "password", sessionId: result.sessionId });
    const [after] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(after.lastLoginAt).not.toBeNull();
  });

  it("answers a wrong password and an unknown email alike, and a deactivated account apart", async () => {
    const { user } = await makeUser(t.db, "viewer", { password: PASSWORD });
    expect(await attempt(user.email, "wrong-password-0", from("198.51.100.8"))).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await attempt("nobody@example.com", PASSWORD, from("198.51.100.8"))).toEqual({
      ok: false,
      reason: "invalid",
    });
    await t.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, user.id));
    expect(await attempt(user.email, PASSWORD, from("198.51.100.8"))).toEqual({
      ok: false,
      reason: "deactivated",
    });
    const sessions = await t.db.select().from(authSessions).where(eq(authSessions.userId, user.id));
    expect(sessions).toEqual([]);
  });

  it("verifies no more than the free allowance of fifty parallel wrong guesses", async () => {
    const { user } = await makeUser(t.db, "admin", { password: PASSWORD });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => attempt(user.email, `guess-${i}-wrong`, from("203.0.113.50"))),
    );
    expect(reasons(results).filter((r) => r === "invalid")).toHaveLength(5);
    expect(reasons(results).filter((r) => r === "rate_limited")).toHaveLength(45);
  });

  it("a flood from one address does not lock the owner out from elsewhere", async () => {
    const { user } = await makeUser(t.db, "engineer", { password: PASSWORD });
    const flood = [];
    for (let i = 0; i < 30; i++)
      flood.push(await attempt(user.email, `flood-${i}-wrong`, from("203.0.113.66")));
    expect(reasons(flood).slice(0, 5)).toEqual(["invalid", "invalid", "invalid", "invalid", "invalid"]);
    expect(reasons(flood).at(-1)).toBe("rate_limited");
    // The attacker's address stays locked out of this account, even with the right password…
    expect((await attempt(user.email, PASSWORD, from("203.0.113.66"))).ok).toBe(false);
    // …but the owner signs in from anywhere else at once.
    expect((await attempt(user.email, PASSWORD, from("198.51.100.20"))).ok).toBe(true);
    expect((await attempt(user.email, PASSWORD, from("2001:db8:5::20"))).ok).toBe(true);
  });

  it("a flood from behind one proxy does not lock out the others behind it", async () => {
    const proxy = "192.0.2.80";
    const regular = await makeUser(t.db, "engineer", { password: PASSWORD });
    const newcomer = await makeUser(t.db, "viewer", { password: PASSWORD });
    expect((await attempt(regular.user.email, PASSWORD, from(proxy))).ok).toBe(true);
    // Someone behind the proxy guesses at one colleague's account: only that pair locks.
    const target = await makeUser(t.db, "admin", { password: PASSWORD });
    for (let i = 0; i < 20; i++) await attempt(target.user.email, `guess-${i}-wrong`, from(proxy));
    expect((await attempt(newcomer.user.email, PASSWORD, from(proxy))).ok).toBe(true);
    // Then at many accounts: the address is slowed for strangers to it…
    for (let i = 0; i < 40; i++) await attempt(`stranger-${i}@example.com`, "guess-wrong-1", from(proxy));
    const stranger = await makeUser(t.db, "viewer", { password: PASSWORD });
    expect(await attempt(stranger.user.email, PASSWORD, from(proxy))).toMatchObject({
      ok: false,
      reason: "rate_limited",
    });
    // …while people who have signed in from there before still get in at once.
    expect((await attempt(regular.user.email, PASSWORD, from(proxy))).ok).toBe(true);
    expect((await attempt(newcomer.user.email, PASSWORD, from(proxy))).ok).toBe(true);
  });

  it("without a known address (next dev, next start) keys by account only, never by a header", async () => {
    const { user } = await makeUser(t.db, "viewer", { password: PASSWORD });
    for (let i = 0; i < 5; i++) await attempt(user.email, `guess-${i}-wrong`, from(null));
    expect(await attempt(user.email, PASSWORD, from(null))).toMatchObject({
      ok: false,
      reason: "rate_limited",
    });
  });
});
