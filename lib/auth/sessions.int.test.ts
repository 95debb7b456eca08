import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, authSessions, users } from "@/db/schema";
import { acceptInvite, createUser, patchUser } from "@/lib/admin/user-commands";
import { executeCommand } from "@/lib/command/execute";
import { runQuery } from "@/lib/query/run";
import { makeUser } from "@/tests/actors";
import { withTestDatabase } from "@/tests/database";
import { cliActor } from "./actor";
import { inviteeActor } from "./invites";
import { endOtherSessions, endSession, endUserSessions, startSession } from "./session-commands";
import { ownSessionsRead } from "./session-reads";
import { actorFromSession, LAST_SEEN_RESOLUTION_MS } from "./session-store";

const t = withTestDatabase();

async function signedIn(role: "viewer" | "engineer" | "admin" = "engineer", address = "198.51.100.1") {
  const { user, actor } = await makeUser(t.db, role);
  const ua = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Chrome/131.0.0.0 Safari/537.36";
  const started = await executeCommand(startSession, actor, { method: "password", userAgent: ua, address });
  if (!started.ok) throw new Error(started.error);
  const claims = { uid: user.id, sv: user.sessionVersion, sid: started.data.sessionId };
  return { user, actor, sid: started.data.sessionId, claims };
}

async function session(id: string) {
  const [row] = await t.db.select().from(authSessions).where(eq(authSessions.id, id));
  return row;
}

async function auditCount(action: string, entityId: string) {
  const rows = await t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
  return rows.length;
}

describe("server-side sessions", () => {
  it("a cookie works only while its session lives, for its own user, at its session version", async () => {
    const { user, sid, claims } = await signedIn();
    expect(await actorFromSession(t.db, claims)).toMatchObject({
      kind: "user",
      via: "web",
      user: { id: user.id },
      sessionId: sid,
    });
    const other = await makeUser(t.db, "admin");
    expect(await actorFromSession(t.db, { ...claims, uid: other.user.id })).toBeNull();
    expect(await actorFromSession(t.db, { uid: user.id, sv: user.sessionVersion })).toBeNull();
    expect(await actorFromSession(t.db, { ...claims, sid: "not-a-uuid" })).toBeNull();
    expect(await actorFromSession(t.db, { ...claims, sv: user.sessionVersion + 1 })).toBeNull();
    // A role change applies on the very next request.
    await t.db.update(users).set({ role: "viewer" }).where(eq(users.id, user.id));
    expect(await actorFromSession(t.db, claims)).toMatchObject({ user: { role: "viewer" } });
    const later = new Date(Date.now() + 13 * 3600 * 1000);
    expect(await actorFromSession(t.db, claims, { address: null, now: later })).toBeNull();
    await t.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, user.id));
    expect(await actorFromSession(t.db, claims)).toBeNull();
  });

  it("a sign-in removes the user's sessions that expired over a month ago, and keeps the rest", async () => {
    const { user, actor, sid } = await signedIn();
    const long = new Date(Date.now() - 40 * 86_400_000);
    const [old] = await t.db
      .insert(authSessions)
      .values({ userId: user.id, createdAt: long, lastSeenAt: long, expiresAt: long })
      .returning();
    const recent = new Date(Date.now() - 5 * 86_400_000);
    const [ended] = await t.db
      .insert(authSessions)
      .values({ userId: user.id, createdAt: recent, lastSeenAt: recent, expiresAt: recent })
      .returning();
    expect((await executeCommand(startSession, actor, { method: "password", address: null })).ok).toBe(true);
    expect(await session(old.id)).toBeUndefined();
    expect(await session(ended.id)).toBeDefined();
    expect(await session(sid)).toBeDefined();
  });

  it("stamps last seen at most once a minute, with the address it was seen from", async () => {
    const { sid, claims } = await signedIn();
    const first = await session(sid);
    const soon = new Date(first.lastSeenAt.getTime() + 5_000);
    await actorFromSession(t.db, claims, { address: "198.51.100.99", now: soon });
    expect((await session(sid)).lastSeenAt).toEqual(first.lastSeenAt);
    const later = new Date(first.lastSeenAt.getTime() + LAST_SEEN_RESOLUTION_MS + 1_000);
    await actorFromSession(t.db, claims, { address: "198.51.100.99", now: later });
    expect(await session(sid)).toMatchObject({ lastSeenAt: later, address: "198.51.100.99" });
  });

  it("ending a session stops its cookie at once; ending it again changes nothing", async () => {
    const { actor, sid, claims } = await signedIn();
    const ended = await executeCommand(endSession, actor, { id: sid });
    expect(ended).toMatchObject({ ok: true, data: { id: sid, ended: true } });
    expect(await actorFromSession(t.db, claims)).toBeNull();
    const again = await executeCommand(endSession, actor, { id: sid });
    expect(again).toMatchObject({ ok: true, data: { id: sid, ended: true } });
    expect(await auditCount("session.end", sid)).toBe(1);
  });

  it("nobody ends another person's session by its id", async () => {
    const victim = await signedIn();
    const intruder = await signedIn();
    const result = await executeCommand(endSession, intruder.actor, { id: victim.sid });
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    expect(await actorFromSession(t.db, victim.claims)).not.toBeNull();
    expect(await executeCommand(endSession, cliActor, { id: victim.sid })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
  });

  it("lists one's live sessions, this one first, and ends all the others", async () => {
    const first = await signedIn("viewer", "198.51.100.2");
    const second = await executeCommand(startSession, first.actor, {
      method: "oidc",
      userAgent:
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Version/17.5 Mobile/15E148 Safari/604.1",
      address: "2001:db8::7",
    });
    const third = await executeCommand(startSession, first.actor, { method: "password", address: null });
    if (!second.ok || !third.ok) throw new Error("sign-in failed");
    const listed = await runQuery(ownSessionsRead, first.actor, { current: second.data.sessionId });
    if (!listed.ok) throw new Error(listed.error);
    expect(listed.data.map((s) => [s.id, s.current])).toEqual([
      [second.data.sessionId, true],
      ...listed.data.slice(1).map((s) => [s.id, false]),
    ]);
    expect(listed.data[0]).toMatchObject({
      device: "Safari 17 on iPhone",
      address: "2001:db8::7",
      method: "oidc",
    });
    expect(listed.data).toHaveLength(3);

    const others = await executeCommand(endOtherSessions, first.actor, { keep: second.data.sessionId });
    expect(others).toMatchObject({ ok: true, data: { ended: 2 } });
    const after = await runQuery(ownSessionsRead, first.actor, {});
    expect(after.ok && after.data.map((s) => s.id)).toEqual([second.data.sessionId]);
    expect(
      await executeCommand(endOtherSessions, first.actor, { keep: second.data.sessionId }),
    ).toMatchObject({
      ok: true,
      data: { ended: 0 },
    });
    expect(await auditCount("session.end_others", first.user.id)).toBe(1);
  });

  it("an admin ends every session of a user; others may not", async () => {
    const target = await signedIn("engineer");
    await executeCommand(startSession, target.actor, { method: "password", address: "198.51.100.3" });
    const admin = await makeUser(t.db, "admin");
    const refused = await executeCommand(endUserSessions, target.actor, { id: admin.user.id });
    expect(refused).toMatchObject({ ok: false, code: "forbidden" });
    const done = await executeCommand(endUserSessions, admin.actor, { id: target.user.id });
    expect(done).toMatchObject({ ok: true, data: { userId: target.user.id, ended: 2 } });
    expect(await actorFromSession(t.db, target.claims)).toBeNull();
    expect(await executeCommand(endUserSessions, admin.actor, { id: target.user.id })).toMatchObject({
      ok: true,
      data: { ended: 0 },
    });
    expect(await auditCount("user.end_sessions", target.user.id)).toBe(1);
    expect(
      await executeCommand(endUserSessions, admin.actor, { id: "00000000-0000-4000-8000-000000000000" }),
    ).toMatchObject({ ok: false, code: "not_found" });
  });

  it("deactivation and setting a password end the rows too", async () => {
    const admin = await makeUser(t.db, "admin");
    const leaving = await signedIn("engineer");
    expect((await executeCommand(patchUser, admin.actor, { id: leaving.user.id, active: false })).ok).toBe(
      true,
    );
    expect((await session(leaving.sid)).endedAt).not.toBeNull();

    const created = await executeCommand(createUser, admin.actor, {
      email: "invited.twice@example.com",
      name: "Invited",
      role: "viewer",
    });
    if (!created.ok) throw new Error(created.error);
    const invitee = await inviteeActor(created.data.inviteToken);
    if (!invitee) throw new Error("invite did not resolve");
    const early = await executeCommand(startSession, invitee, { method: "oidc", address: null });
    if (!early.ok) throw new Error(early.error);
    const accepted = await executeCommand(acceptInvite, invitee, {
      token: created.data.inviteToken,
      password: "long-enough-1",
      confirm: "long-enough-1",
    });
    expect(accepted.ok).toBe(true);
    expect((await session(early.data.sessionId)).endedAt).not.toBeNull();
  });
});
