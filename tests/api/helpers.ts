import type { Db } from "@/db/client";
import type { Role } from "@/db/schema/enums";
import { cliActor } from "@/lib/auth/actor";
import { createToken } from "@/lib/auth/token-commands";
import { executeCommand } from "@/lib/command/execute";
import { makeUser } from "../actors";

/** A user of `role` with a token of `scopes`, for calling route handlers like an API client. */
export async function tokenFor(db: Db, role: Role, scopes: string[] = ["read", "write", "admin"]) {
  const { user } = await makeUser(db, role);
  const result = await executeCommand(createToken, cliActor, {
    name: `${role}-token`,
    scopes,
    userId: user.id,
  });
  if (!result.ok) throw new Error(result.error);
  return { user, token: result.data.token };
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

export function params<T extends Record<string, string>>(value: T) {
  return { params: Promise.resolve(value) };
}
