import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { apiTokens, authSessions, teamMembers, teams, type User, userInvites, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { generateToken, hashToken } from "@/lib/auth/token-secret";
import { defineCommand } from "@/lib/command/define";
import { fail } from "@/lib/command/result";
import { emailField, nameField, optional, passwordField, roleField, stringList, uuidField } from "./schemas";

const INVITE_TTL_DAYS = 7;

/** A user as the audit log and the API see them: never the password hash. */
export function publicUser(user: User) {
  const { passwordHash: _hash, ...rest } = user;
  return { ...rest, hasPassword: Boolean(user.passwordHash) };
}

export const createUser = defineCommand({
  name: "user.create",
  permission: "user.manage",
  input: z.object({
    email: emailField,
    name: nameField,
    role: roleField,
    teams: stringList,
    password: optional(passwordField),
  }),
  async run({ tx, audit }, input) {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing)
      throw fail.conflict("A user with this email already exists.", { email: "Already registered." });
    const teamRows = await resolveTeams(tx, input.teams);
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash: input.password ? await hashPassword(input.password) : null,
      })
      .returning();
    if (teamRows.length) {
      await tx.insert(teamMembers).values(teamRows.map((t) => ({ teamId: t.id, userId: user.id })));
    }
    // Without a password the user joins through a one-time link the admin passes on.
    const invite = input.password ? null : await createInvite(tx, user.id);
    await audit({
      entityType: "user",
      entityId: user.id,
      after: { ...publicUser(user), teams: teamRows.map((t) => t.slug) },
    });
    return { user: publicUser(user), inviteToken: invite?.token ?? null };
  },
});

async function resolveTeams(tx: Tx, slugs: string[]) {
  if (!slugs.length) return [];
  const rows = await tx
    .select({ id: teams.id, slug: teams.slug })
    .from(teams)
    .where(inArray(teams.slug, slugs));
  const missing = slugs.filter((s) => !rows.some((r) => r.slug === s));
  if (missing.length)
    throw fail.invalid(`Unknown team: ${missing.join(", ")}.`, {
      teams: `Unknown team: ${missing.join(", ")}.`,
    });
  return rows;
}

async function createInvite(tx: Tx, userId: string) {
  const { token, hash } = generateToken();
  const expiresAt = new Date(Date.now() + INVITE_TTL_DAYS * 86_400_000);
  await tx
    .update(userInvites)
    .set({ usedAt: new Date() })
    .where(and(eq(userInvites.userId, userId), isNull(userInvites.usedAt)));
  await tx.insert(userInvites).values({ userId, tokenHash: hash, expiresAt });
  return { token, expiresAt };
}

/**
 * Locks the user's row for this transaction. `no key update`, not `update`: audit rows and
 * tokens point at users by foreign key, and their key-share checks must not queue behind a
 * locked actor — two admins acting on each other would otherwise deadlock.
 */
async function loadUser(tx: Tx, id: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, id)).for("no key update");
  if (!user) throw fail.notFound("No such user.");
  return user;
}

export const LAST_ADMIN_MESSAGE = "Pharos must keep at least one active admin.";

/**
 * Refuses a change that would leave no active admin once `userId` stops being one (a
 * demotion or a deactivation, about to be made in this transaction). Every such change
 * takes one transaction-level lock first, so two admins demoting each other at the same
 * moment queue here: the second counts after the first has committed and is refused.
 * Row locks alone would not do: each transaction locks a different admin's row, and
 * locking the whole admin set after that can deadlock. Callers lock the user's row first
 * with `for("no key update")` (see `loadUser`), never `for("update")`.
 */
export async function assertAdminRemains(tx: Tx, userId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('pharos:admin-set'))`);
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.deactivatedAt), ne(users.id, userId)));
  if (!row || row.n === 0) throw fail.conflict(LAST_ADMIN_MESSAGE);
}

export const patchUserInput = z.object({
  id: uuidField,
  name: optional(nameField),
  role: optional(roleField),
  active: z
    .boolean({ message: "active must be true or false." })
    .optional()
    .describe("false deactivates: sessions and tokens end at once; true reactivates"),
});

/**
 * Changes any of a user's name, role and active state in one transaction with one audit
 * row, and returns the state this request committed. A patch that changes nothing writes
 * nothing, so repeating one (deactivating a deactivated user) is harmless.
 */
export const patchUser = defineCommand({
  name: "user.update",
  permission: "user.manage",
  input: patchUserInput,
  async run({ tx, audit, actor, unchanged }, input) {
    const before = await loadUser(tx, input.id);
    const wasActive = before.deactivatedAt === null;
    const next = {
      name: input.name ?? before.name,
      role: input.role ?? before.role,
      active: input.active ?? wasActive,
    };
    const deactivating = wasActive && !next.active;
    const reactivating = !wasActive && next.active;
    if (next.name === before.name && next.role === before.role && !deactivating && !reactivating) {
      unchanged();
      return publicUser(before);
    }
    if (deactivating && actor.kind === "user" && actor.user.id === before.id) {
      throw fail.conflict("You cannot deactivate yourself.", { active: "You cannot deactivate yourself." });
    }
    const wasAdmin = wasActive && before.role === "admin";
    if (wasAdmin && !(next.active && next.role === "admin")) await assertAdminRemains(tx, before.id);
    const now = new Date();
    const [after] = await tx
      .update(users)
      .set({
        name: next.name,
        role: next.role,
        deactivatedAt: deactivating ? now : reactivating ? null : before.deactivatedAt,
        // Bumping the session version ends every browser session of a deactivated user.
        sessionVersion: deactivating ? before.sessionVersion + 1 : before.sessionVersion,
        updatedAt: now,
      })
      .where(eq(users.id, before.id))
      .returning();
    const ended = deactivating ? await endAccess(tx, before.id, now) : null;
    await audit({
      action: deactivating ? "user.deactivate" : reactivating ? "user.reactivate" : "user.update",
      entityType: "user",
      entityId: after.id,
      before: publicUser(before),
      after: { ...publicUser(after), ...(ended ? { revokedTokens: ended.tokens } : {}) },
    });
    return publicUser(after);
  },
});

/** A deactivated user's tokens are revoked and their server-side sessions ended, for good. */
async function endAccess(tx: Tx, userId: string, now: Date) {
  const tokens = await tx
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  await tx
    .update(authSessions)
    .set({ endedAt: now })
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.endedAt)));
  return { tokens: tokens.map((t) => t.id) };
}

export const reissueInvite = defineCommand({
  name: "user.invite",
  permission: "user.manage",
  input: z.object({ id: uuidField }),
  async run({ tx, audit }, input) {
    const user = await loadUser(tx, input.id);
    if (user.deactivatedAt) throw fail.conflict("Reactivate the user before inviting them.");
    const invite = await createInvite(tx, user.id);
    await audit({ entityType: "user", entityId: user.id, after: { inviteExpiresAt: invite.expiresAt } });
    return { inviteToken: invite.token, expiresAt: invite.expiresAt };
  },
});

/** Sets a password from an invite link; the link is the credential, so the actor is the system. */
export const acceptInvite = defineCommand({
  name: "user.accept_invite",
  permission: "profile.read",
  input: z
    .object({ token: z.string().min(10).max(200), password: passwordField, confirm: z.string() })
    .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords differ." }),
  async run({ tx, audit }, input) {
    const [invite] = await tx
      .select()
      .from(userInvites)
      .where(eq(userInvites.tokenHash, hashToken(input.token)))
      .for("update");
    if (!invite || invite.usedAt || invite.expiresAt < new Date()) {
      throw fail.notFound("This invite link has expired or was already used. Ask an admin for a new one.");
    }
    const user = await loadUser(tx, invite.userId);
    if (user.deactivatedAt) throw fail.forbidden("This account has been deactivated.");
    await tx.update(userInvites).set({ usedAt: new Date() }).where(eq(userInvites.id, invite.id));
    await tx
      .update(users)
      .set({
        passwordHash: await hashPassword(input.password),
        sessionVersion: user.sessionVersion + 1,
        updatedAt: new Date(),
      })
      .where(eq(users.id, user.id));
    await audit({ entityType: "user", entityId: user.id, after: { passwordSet: true, via: "invite" } });
    return { email: user.email };
  },
});

/**
 * Creates or refreshes the Pharos user behind a single sign-on login. The identity
 * provider's groups decide the role on every login, so access follows the directory.
 */
export const provisionSsoUser = defineCommand({
  name: "user.sso_login",
  permission: "profile.read",
  input: z.object({ email: emailField, name: z.string().trim().max(120), role: roleField }),
  async run({ tx, audit }, input) {
    const [existing] = await tx.select().from(users).where(eq(users.email, input.email)).for("update");
    if (existing?.deactivatedAt) throw fail.forbidden("This account has been deactivated.");
    if (existing) {
      const [after] = await tx
        .update(users)
        .set({
          role: input.role,
          name: input.name || existing.name,
          lastLoginAt: new Date(),
          updatedAt: new Date(),
        })
        .where(eq(users.id, existing.id))
        .returning();
      await audit({
        action: existing.role === after.role ? "user.login" : "user.role_from_sso",
        entityType: "user",
        entityId: after.id,
        before: { role: existing.role },
        after: { role: after.role, method: "oidc" },
      });
      return after;
    }
    const [created] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name || input.email,
        role: input.role,
        authProvider: "oidc",
        lastLoginAt: new Date(),
      })
      .returning();
    await audit({
      action: "user.create",
      entityType: "user",
      entityId: created.id,
      after: publicUser(created),
    });
    return created;
  },
});

/** Marks a successful sign-in; run as the user who signed in. */
export const recordLogin = defineCommand({
  name: "user.login",
  permission: "profile.read",
  input: z.object({ method: z.enum(["password", "oidc"]) }),
  async run({ tx, audit, actor }, input) {
    if (actor.kind !== "user") throw fail.forbidden();
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, actor.user.id));
    await audit({ entityType: "user", entityId: actor.user.id, after: { method: input.method } });
    return null;
  },
});
