import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { apiTokens, teamMembers, teams, type User, userIdentities, userInvites, users } from "@/db/schema";
import { forgetTokenChecks } from "@/lib/auth/api-tokens";
import { hashPassword } from "@/lib/auth/password";
import { endSessionsOf } from "@/lib/auth/session-store";
import { generateToken, hashToken } from "@/lib/auth/token-secret";
import { type CommandContext, defineCommand } from "@/lib/command/define";
import { CommandError, fail } from "@/lib/command/result";
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
  // The token cache must not outlive what this write changed (lib/auth/api-tokens.ts).
  afterCommit: async () => forgetTokenChecks(),
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
      after: {
        ...publicUser(after),
        ...(ended ? { revokedTokens: ended.tokens, endedSessions: ended.sessions } : {}),
      },
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
  const sessions = await endSessionsOf(tx, userId, { now });
  return { tokens: tokens.map((t) => t.id), sessions };
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

/**
 * Sets a password from an invite link, run as the invitee the link names (see
 * lib/auth/invites.ts): the link is their credential, checked again here under lock.
 * Setting a password ends every session the account had.
 */
export const acceptInvite = defineCommand({
  name: "user.accept_invite",
  permission: "invite.accept",
  input: z
    .object({ token: z.string().min(10).max(200), password: passwordField, confirm: z.string() })
    .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords differ." }),
  async run({ tx, audit, actor }, input) {
    const [invite] = await tx
      .select()
      .from(userInvites)
      .where(eq(userInvites.tokenHash, hashToken(input.token)))
      .for("update");
    if (!invite || invite.usedAt || invite.expiresAt < new Date()) {
      throw fail.notFound(INVITE_GONE_MESSAGE);
    }
    if (actor.kind !== "user" || actor.user.id !== invite.userId) {
      throw fail.forbidden("This invite link is for someone else.");
    }
    const user = await loadUser(tx, invite.userId);
    if (user.deactivatedAt) throw fail.forbidden("This account has been deactivated.");
    const now = new Date();
    await tx.update(userInvites).set({ usedAt: now }).where(eq(userInvites.id, invite.id));
    await tx
      .update(users)
      .set({
        passwordHash: await hashPassword(input.password),
        sessionVersion: user.sessionVersion + 1,
        updatedAt: now,
      })
      .where(eq(users.id, user.id));
    const endedSessions = await endSessionsOf(tx, user.id, { now });
    await audit({
      entityType: "user",
      entityId: user.id,
      after: { passwordSet: true, via: "invite", ...(endedSessions.length ? { endedSessions } : {}) },
    });
    return { email: user.email };
  },
});

export const INVITE_GONE_MESSAGE =
  "This invite link has expired or was already used. Ask an admin for a new one.";

export const ssoLoginInput = z.object({
  issuer: z.string().trim().min(1).max(500),
  subject: z.string().min(1).max(255),
  email: emailField,
  emailVerified: z.boolean(),
  name: z.string().trim().max(120),
  role: roleField,
});

/** Why an SSO sign-in was refused; lib/auth/login-messages.ts explains each to the person. */
export type SsoRefusal = "deactivated" | "sso_unverified_email" | "sso_identity_conflict";

const refuse = (reason: SsoRefusal, message: string) =>
  new CommandError("forbidden", message, undefined, { reason });

/**
 * Creates or refreshes the Pharos user behind a single sign-on login, run as that person
 * (lib/auth/sso-sign-in.ts resolves who it is first; here it is checked again under lock).
 *
 * - The provider account (issuer + subject) is the link, never the email alone. A first
 *   sign-in whose email matches an existing account links to it only when the provider says
 *   `email_verified`, and only if that account has no other identity at this provider.
 * - The directory's groups decide the role on every login, except that a mapping never
 *   demotes the last active admin: that demotion is skipped and audited, the sign-in goes on.
 */
export const provisionSsoUser = defineCommand({
  name: "user.sso_login",
  // The token cache must not outlive what this write changed (lib/auth/api-tokens.ts).
  afterCommit: async () => forgetTokenChecks(),
  permission: "session.sign_in",
  input: ssoLoginInput,
  async run({ tx, audit, actor, unchanged }, input) {
    if (actor.kind !== "user") throw fail.forbidden("Only a person signs in.");
    const [link] = await tx
      .select({ userId: userIdentities.userId })
      .from(userIdentities)
      .where(and(eq(userIdentities.issuer, input.issuer), eq(userIdentities.subject, input.subject)));
    // No key update, like every other user lock: a full update lock would queue other
    // transactions' foreign-key checks (audit rows) behind it and can deadlock with patchUser.
    const [existing] = link
      ? await tx.select().from(users).where(eq(users.id, link.userId)).for("no key update")
      : await tx.select().from(users).where(eq(users.email, input.email)).for("no key update");
    // Resolved before the transaction; a concurrent sign-up or link moved it: the caller retries.
    if ((existing?.id ?? actor.user.id) !== actor.user.id)
      throw fail.conflict("Sign-in raced another; try again.");
    if (existing?.deactivatedAt) throw refuse("deactivated", "This account has been deactivated.");
    if (!existing) return createSsoUser({ tx, audit }, actor.user.id, input);
    if (!link) await linkIdentity({ tx, audit }, existing, input);
    const role = await roleAfterMapping(tx, existing, input.role);
    if (role.keptLastAdmin) {
      await audit({
        action: "user.sso_role_kept",
        entityType: "user",
        entityId: existing.id,
        before: { role: existing.role },
        after: { role: existing.role, mappedRole: input.role, reason: LAST_ADMIN_MESSAGE },
      });
    }
    const name = input.name || existing.name;
    if (role.role === existing.role && name === existing.name) {
      // The sign-in itself is audited when its session starts.
      if (link && !role.keptLastAdmin) unchanged();
      return existing;
    }
    const [after] = await tx
      .update(users)
      .set({ role: role.role, name, updatedAt: new Date() })
      .where(eq(users.id, existing.id))
      .returning();
    await audit({
      action: existing.role === after.role ? "user.update" : "user.role_from_sso",
      entityType: "user",
      entityId: after.id,
      before: { role: existing.role, name: existing.name },
      after: { role: after.role, name: after.name, method: "oidc" },
    });
    return after;
  },
});

type Writer = Pick<CommandContext, "tx" | "audit">;

async function createSsoUser({ tx, audit }: Writer, id: string, input: z.output<typeof ssoLoginInput>) {
  const [created] = await tx
    .insert(users)
    .values({
      id,
      email: input.email,
      name: input.name || input.email,
      role: input.role,
      authProvider: "oidc",
    })
    .returning();
  await tx
    .insert(userIdentities)
    .values({ issuer: input.issuer, subject: input.subject, userId: created.id });
  await audit({
    action: "user.create",
    entityType: "user",
    entityId: created.id,
    after: { ...publicUser(created), identity: { issuer: input.issuer, subject: input.subject } },
  });
  return created;
}

async function linkIdentity({ tx, audit }: Writer, user: User, input: z.output<typeof ssoLoginInput>) {
  // An email the provider has not verified proves nothing about who owns the account.
  if (!input.emailVerified) {
    throw refuse(
      "sso_unverified_email",
      "Your identity provider has not verified your email address, which belongs to an existing Pharos account.",
    );
  }
  const [other] = await tx
    .select({ subject: userIdentities.subject })
    .from(userIdentities)
    .where(and(eq(userIdentities.userId, user.id), eq(userIdentities.issuer, input.issuer)));
  if (other) {
    throw refuse(
      "sso_identity_conflict",
      "This email address belongs to a Pharos account linked to another single sign-on identity.",
    );
  }
  await tx.insert(userIdentities).values({ issuer: input.issuer, subject: input.subject, userId: user.id });
  await audit({
    action: "user.sso_link",
    entityType: "user",
    entityId: user.id,
    after: { identity: { issuer: input.issuer, subject: input.subject }, email: user.email },
  });
}

/** The mapped role, unless it would take the last active admin's role away. */
async function roleAfterMapping(tx: Tx, user: User, mapped: User["role"]) {
  if (user.role !== "admin" || mapped === "admin") return { role: mapped, keptLastAdmin: false };
  try {
    await assertAdminRemains(tx, user.id);
    return { role: mapped, keptLastAdmin: false };
  } catch (error) {
    if (error instanceof CommandError && error.code === "conflict")
      return { role: user.role, keptLastAdmin: true };
    throw error;
  }
}
