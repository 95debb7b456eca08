import type { Db } from "@/db/client";
import { apiTokens } from "@/db/schema";
import type { Role } from "@/db/schema/enums";
import { api } from "@/lib/api/router";
import { cliActor } from "@/lib/auth/actor";
import { SHORTHAND_SCOPES, scopesForRole } from "@/lib/auth/permissions";
import { createToken } from "@/lib/auth/token-commands";
import { generateToken } from "@/lib/auth/token-secret";
import { executeCommand } from "@/lib/command/execute";
import { makeUser } from "../actors";

/**
 * A user of `role` with a token of `scopes` (by default every shorthand the role may hold),
 * minted through the command as a person would.
 */
export async function tokenFor(db: Db, role: Role, scopes?: string[]) {
  const { user } = await makeUser(db, role);
  const wanted = scopes ?? SHORTHAND_SCOPES.filter((s) => scopesForRole(role).includes(s));
  const result = await executeCommand(createToken, cliActor, {
    name: `${role}-token`,
    scopes: wanted,
    userId: user.id,
  });
  if (!result.ok) throw new Error(result.error);
  return { user, token: result.data.token };
}

/**
 * A token whose scopes exceed its owner's role, as tokens made before scopes were checked
 * against the role could: inserted directly, to prove the role still limits it.
 */
export async function overScopedToken(db: Db, role: Role, scopes: string[], userId?: string) {
  const user = userId ? { id: userId } : (await makeUser(db, role)).user;
  const { token, hash, prefix } = generateToken();
  await db.insert(apiTokens).values({ userId: user.id, name: "legacy", prefix, tokenHash: hash, scopes });
  return { user, token };
}

export function call(
  url: string,
  init: { method?: string; token?: string; body?: unknown; rawBody?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined || init.rawBody !== undefined) headers["content-type"] = "application/json";
  return new Request(`http://localhost${url}`, {
    method: init.method ?? "GET",
    headers,
    body: init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
}

/** Sends a request through the API router, as the production server and the catch-all route do. */
export function send(method: string, request: Request): Promise<Response> {
  const sent = method === request.method ? request : new Request(request, { method });
  return Promise.resolve(api().fetch(sent));
}
