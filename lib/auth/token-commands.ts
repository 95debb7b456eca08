import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { apiTokens, users } from "@/db/schema";
import { optional, uuidField } from "@/lib/admin/schemas";
import { defineCommand } from "@/lib/command/define";
import { fail } from "@/lib/command/result";
import { can } from "./actor";
import { TOKEN_SCOPES } from "./permissions";
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

/** Tokens without an owner given belong to the caller; only admins mint tokens for others. */
export const createToken = defineCommand({
  name: "token.create",
  permission: "token.manage_own",
  input: z.object({
    name: z.string().trim().min(1, "Name the token (e.g. ci-deploy).").max(80, "At most 80 characters."),
    scopes: z.preprocess(
      (v) => (v === undefined || v === "" ? ["read"] : Array.isArray(v) ? v : String(v).split(/[\s,]+/)),
      z
        .array(z.enum(TOKEN_SCOPES, { message: `Scopes are ${TOKEN_SCOPES.join(", ")}.` }))
        .min(1, "Pick a scope."),
    ),
    expiresIn: expiryField,
    userId: optional(uuidField),
  }),
  async run({ tx, audit, actor }, input) {
    const ownerId = input.userId ?? (actor.kind === "user" ? actor.user.id : undefined);
    if (!ownerId) throw fail.invalid("Name the user the token is for.", { userId: "Required." });
    if (actor.kind === "user" && ownerId !== actor.user.id && !can(actor, "token.manage_any"))
      throw fail.forbidden();
    const [owner] = await tx.select().from(users).where(eq(users.id, ownerId));
    if (!owner || owner.deactivatedAt) throw fail.notFound("No such active user.");
    const { token, hash, prefix } = generateToken();
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: owner.id,
        name: input.name,
        prefix,
        tokenHash: hash,
        scopes: [...new Set(input.scopes)],
        expiresAt: input.expiresIn,
      })
      .returning();
    const { tokenHash: _h, ...visible } = row;
    await audit({ entityType: "api_token", entityId: row.id, after: { ...visible, owner: owner.email } });
    return { ...visible, token };
  },
});

export const revokeToken = defineCommand({
  name: "token.revoke",
  permission: "token.manage_own",
  input: z.object({ id: uuidField }),
  async run({ tx, audit, actor }, input) {
    const [row] = await tx.select().from(apiTokens).where(eq(apiTokens.id, input.id)).for("update");
    if (!row) throw fail.notFound("No such token.");
    if (actor.kind === "user" && row.userId !== actor.user.id && !can(actor, "token.manage_any")) {
      throw fail.notFound("No such token.");
    }
    if (row.revokedAt) return { id: row.id, revokedAt: row.revokedAt };
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
    return { id: after.id, revokedAt: after.revokedAt };
  },
});
