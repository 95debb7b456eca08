import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { type ApiToken, apiTokens, users } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import { optional, uuidField } from "@/lib/admin/schemas";
import { forgetTokenChecks } from "@/lib/auth/api-tokens";
import { defineCommand } from "@/lib/command/define";
import { fail } from "@/lib/command/result";
import { line } from "@/lib/validation/text";
import { type Actor, can } from "./actor";
import {
  PERMISSIONS,
  type Permission,
  ROLE_LABELS,
  scopeAllows,
  scopesForRole,
  TOKEN_SCOPES,
  type TokenScope,
} from "./permissions";
import { generateToken, parseExpiry } from "./token-secret";

export const MAX_TOKEN_DAYS = 366;

const expiryField = z
  .string()
  .trim()
  .default("30d")
  .transform((spec, ctx) => {
    try {
      const date = parseExpiry(spec);
      if (date && date <= new Date()) {
        ctx.addIssue({ code: "custom", message: "Expiry must be in the future." });
        return z.NEVER;
      }
      if (!date || date.getTime() - Date.now() > MAX_TOKEN_DAYS * 86_400_000) {
        ctx.addIssue({ code: "custom", message: `Tokens expire within ${MAX_TOKEN_DAYS} days.` });
        return z.NEVER;
      }
      return date;
    } catch {
      ctx.addIssue({ code: "custom", message: "Use a duration like 30d, 12h or 90m, or a date." });
      return z.NEVER;
    }
  });

const KNOWN_SCOPES: readonly string[] = TOKEN_SCOPES;

/** Scopes arrive as a list (form, JSON) or one comma- or space-separated string (CLI). */
const scopesField = z.preprocess(
  (v) => (v === undefined || v === "" ? ["read"] : Array.isArray(v) ? v : String(v).split(/[\s,]+/)),
  z
    .array(z.string().trim().max(40, "Scopes are short names such as catalog:read."))
    .max(TOKEN_SCOPES.length * 2, "Too many scopes.")
    .transform((list, ctx) => {
      const scopes = list.filter(Boolean);
      const unknown = scopes.filter((s) => !KNOWN_SCOPES.includes(s));
      if (unknown.length) {
        ctx.addIssue({
          code: "custom",
          message: `Unknown scope ${unknown.map((s) => `"${s}"`).join(", ")}. Scopes are read, write, admin, <resource>:read or <resource>:write, and slo:measurements.`,
        });
        return z.NEVER;
      }
      if (!scopes.length) {
        ctx.addIssue({ code: "custom", message: "Pick a scope." });
        return z.NEVER;
      }
      // One spelling per token: deduplicated, in the table's order.
      return TOKEN_SCOPES.filter((s) => scopes.includes(s));
    }),
);

/** Every permission `scope` unlocks is also unlocked by `held`: a token cannot mint a broader one. */
function within(scope: TokenScope, held: readonly string[]): boolean {
  return (Object.keys(PERMISSIONS) as Permission[]).every(
    (p) => !scopeAllows([scope], p) || scopeAllows(held, p),
  );
}

function refuseScopes(actor: Actor, owner: { id: string; name: string; role: Role }, scopes: TokenScope[]) {
  const offered = scopesForRole(owner.role);
  const beyondRole = scopes.filter((s) => !offered.includes(s));
  if (beyondRole.length) {
    const who = actor.kind === "user" && actor.user.id === owner.id ? "Your role" : owner.name;
    const message = `${who} (${ROLE_LABELS[owner.role]}) cannot use ${beyondRole.join(", ")}.`;
    throw fail.invalid(message, { scopes: message });
  }
  const token = actor.kind === "user" ? actor.token : undefined;
  const beyondToken = token ? scopes.filter((s) => !within(s, token.scopes)) : [];
  if (beyondToken.length) {
    const message = `A token cannot make a token with more access than itself: ${beyondToken.join(", ")}.`;
    throw fail.invalid(message, { scopes: message });
  }
}

/** A token as lists and the API show it: never its hash. */
export function publicToken(row: ApiToken) {
  const { tokenHash: _hash, ...visible } = row;
  return visible;
}

/**
 * Tokens without an owner given belong to the caller; only admins mint tokens for others,
 * and such a token remembers who minted it, so what it does is audited under both names.
 * A token carries only scopes its owner's role can use, and one made through a token
 * never reaches further than the token that made it.
 */
export const createToken = defineCommand({
  name: "token.create",
  permission: "token.manage_own",
  input: z.object({
    name: line(80, { label: "A token name", required: "Name the token (e.g. ci-deploy)." }),
    scopes: scopesField,
    expiresIn: expiryField,
    userId: optional(uuidField),
  }),
  async run({ tx, audit, actor }, input) {
    const ownerId = input.userId ?? (actor.kind === "user" ? actor.user.id : undefined);
    if (!ownerId) throw fail.invalid("Name the user the token is for.", { userId: "Required." });
    const forSomeoneElse = actor.kind === "user" && ownerId !== actor.user.id;
    if (forSomeoneElse && !can(actor, "token.manage_any")) throw fail.forbidden();
    const [owner] = await tx.select().from(users).where(eq(users.id, ownerId));
    if (!owner || owner.deactivatedAt) throw fail.notFound("No such active user.");
    refuseScopes(actor, owner, input.scopes);
    const { token, hash, prefix } = generateToken();
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: owner.id,
        name: input.name,
        prefix,
        tokenHash: hash,
        scopes: input.scopes,
        mintedByUserId: forSomeoneElse ? actor.user.id : null,
        expiresAt: input.expiresIn,
      })
      .returning();
    const visible = publicToken(row);
    await audit({
      entityType: "api_token",
      entityId: row.id,
      after: { ...visible, owner: owner.email, ...(forSomeoneElse ? { mintedBy: actor.user.email } : {}) },
    });
    return { ...visible, token };
  },
});

/** Revoking is idempotent: a token already revoked comes back as it is, with no new audit row. */
export const revokeToken = defineCommand({
  name: "token.revoke",
  // The token cache must not outlive what this write changed (lib/auth/api-tokens.ts).
  afterCommit: async () => forgetTokenChecks(),
  permission: "token.manage_own",
  input: z.object({ id: uuidField }),
  async run({ tx, audit, actor, unchanged }, input) {
    // The row lock makes concurrent revokes queue: the first revokes, the rest find it revoked.
    const [row] = await tx.select().from(apiTokens).where(eq(apiTokens.id, input.id)).for("update");
    // Someone else's token looks like no token at all to a non-admin.
    if (!row || (actor.kind === "user" && row.userId !== actor.user.id && !can(actor, "token.manage_any"))) {
      throw fail.notFound("No such token.");
    }
    if (row.revokedAt) {
      unchanged();
      return publicToken(row);
    }
    const [after] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, row.id), isNull(apiTokens.revokedAt)))
      .returning();
    await audit({
      entityType: "api_token",
      entityId: row.id,
      before: { revokedAt: null },
      after: { revokedAt: after.revokedAt },
    });
    return publicToken(after);
  },
});
