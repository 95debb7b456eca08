import { and, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { preparedPer } from "@/db/prepared";
import { apiTokens, users } from "@/db/schema";
import type { Actor } from "./actor";
import { hashToken, TOKEN_PREFIX } from "./token-secret";

const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * How long a verified token is trusted without asking the database again. Revoking a token,
 * and changing or deactivating its owner, forget every cached token on the node that did it
 * at once (after the commit); another node may honour it for at most this long. That bound
 * buys a catalog read one round trip fewer on every authenticated request, and is stated in
 * docs/api.md. 0 turns the cache off.
 */
export const TOKEN_CACHE_MS = Math.max(0, Number(process.env.PHAROS_TOKEN_CACHE_MS ?? 5_000) || 0);
const MAX_CACHED = 10_000;

type TokenRow = Awaited<ReturnType<ReturnType<typeof tokenByHash>["execute"]>>[number];
// One map per process, whichever bundle asks: the REST door (scripts/server.mjs) and the
// server actions that revoke tokens load this module separately, and a revocation must reach
// the copy that answers the API.
const cacheKey = Symbol.for("pharos.tokenChecks");
type TokenCache = Map<string, { row: TokenRow; at: number }>;
const shared = globalThis as { [cacheKey]?: TokenCache };
shared[cacheKey] ??= new Map();
const cache: TokenCache = shared[cacheKey];

/** Forgets every cached token check: called once a revocation or a change to a user has committed. */
export function forgetTokenChecks() {
  cache.clear();
}

const minter = alias(users, "minter");

/** One round trip: the token, its owner and, for a token an admin minted, that admin. */
const tokenByHash = preparedPer((db) =>
  db
    .select({ token: apiTokens, user: users, minter: { id: minter.id, email: minter.email } })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(minter, eq(minter.id, apiTokens.mintedByUserId))
    .where(and(eq(apiTokens.tokenHash, sql.placeholder("hash")), isNull(apiTokens.revokedAt)))
    .prepare("api_token_by_hash"),
);

/** The token in `Authorization: Bearer pharos_…`, or null when the header cannot hold one of ours. */
export function bearerSecret(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  return match?.[1].startsWith(TOKEN_PREFIX) ? match[1] : null;
}

/**
 * Resolves `Authorization: Bearer …` to the token owner acting through the token.
 * A revoked or expired token, or one whose owner is deactivated, resolves to nobody.
 */
export async function actorFromBearer(db: Queryable, header: string | null): Promise<Actor | null> {
  const secret = bearerSecret(header);
  if (!secret) return null;
  const hash = hashToken(secret);
  const now = new Date();
  const cached = cache.get(hash);
  let row: TokenRow | undefined;
  if (cached && now.getTime() - cached.at < TOKEN_CACHE_MS) row = cached.row;
  else {
    [row] = await tokenByHash(db).execute({ hash });
    cache.delete(hash);
    if (row && TOKEN_CACHE_MS > 0) {
      if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
      cache.set(hash, { row, at: now.getTime() });
    }
  }
  if (!row || row.user.deactivatedAt) return null;
  // Expiry is checked on every use, cached or not.
  if (row.token.expiresAt && row.token.expiresAt <= now) return null;
  // Coarse last-used stamp: a write per request would make every read a write.
  if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    row.token.lastUsedAt = now;
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
  }
  const { user } = row;
  return {
    kind: "user",
    via: "api",
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    token: {
      id: row.token.id,
      scopes: row.token.scopes,
      ...(row.minter ? { mintedBy: { id: row.minter.id, email: row.minter.email } } : {}),
    },
  };
}
