import { NextResponse } from "next/server";
import type { z } from "zod";
import { getDb, getHandle } from "@/db/client";
import { type Actor, can } from "@/lib/auth/actor";
import { actorFromBearer, bearerSecret } from "@/lib/auth/api-tokens";
import type { Permission } from "@/lib/auth/permissions";
import type { Command } from "@/lib/command/define";
import { executeCommand } from "@/lib/command/execute";
import { type Failure, HTTP_STATUS } from "@/lib/command/result";
import { logger } from "@/lib/ops/logger";

/**
 * The REST door. Only bearer tokens authenticate here — never the session cookie — so a
 * cross-site form post cannot ride on a signed-in browser.
 */
export async function apiActor(request: Request): Promise<Actor | null> {
  return actorFromBearer(getDb(), request.headers.get("authorization"));
}

/**
 * An API answer before it is a Response. Reads produce these so that the route files (which
 * wrap them in a Response) and the fast lane (which writes them straight to the socket,
 * lib/api/fast-lane.ts) answer the same.
 */
export type Reply = { status: number; body: unknown; headers?: Record<string, string> };

/** What a read needs of its request. */
export type ApiCall = { authorization: string | null; params: URLSearchParams; url: string };

export function apiCall(request: Request): ApiCall {
  const { search } = new URL(request.url);
  return {
    authorization: request.headers.get("authorization"),
    params: new URLSearchParams(search),
    url: request.url,
  };
}

export function toResponse(reply: Reply) {
  return NextResponse.json(reply.body, { status: reply.status, headers: reply.headers });
}

/** A read as a route handler: `export const GET = asRoute(listServicesReply)`. */
export function asRoute(read: (call: ApiCall) => Promise<Reply>) {
  return async (request: Request) => toResponse(await read(apiCall(request)));
}

export function errorReply(failure: Pick<Failure, "code" | "error" | "fieldErrors" | "details">): Reply {
  return {
    status: HTTP_STATUS[failure.code],
    body: {
      error: {
        code: failure.code,
        message: failure.error,
        fields: failure.fieldErrors ?? {},
        ...(failure.details === undefined ? {} : { details: failure.details }),
      },
    },
    headers: failure.code === "unauthorized" ? { "www-authenticate": 'Bearer realm="pharos"' } : undefined,
  };
}

export function errorResponse(failure: Pick<Failure, "code" | "error" | "fieldErrors" | "details">) {
  return toResponse(errorReply(failure));
}

/** Runs a command for an API caller and maps the typed result to a status code. */
export async function commandResponse<S extends z.ZodType, R>(
  request: Request,
  command: Command<S, R>,
  input: unknown,
  successStatus = 200,
) {
  const result = await executeCommand(command, await apiActor(request), input);
  if (!result.ok) return errorResponse(result);
  return NextResponse.json(result.data, { status: successStatus });
}

/** Authenticates and authorises a read, then renders what `read` returns as JSON. */
export async function readResponse(
  request: Request,
  permission: Permission,
  read: (actor: Actor) => Promise<unknown>,
) {
  return toResponse(await readReply(apiCall(request), permission, read));
}

export async function readReply(
  call: ApiCall,
  permission: Permission,
  read: (actor: Actor) => Promise<unknown>,
): Promise<Reply> {
  try {
    const actor = await actorFromBearer(getDb(), call.authorization);
    if (!actor || !can(actor, permission)) return refusal(actor);
    return bodyReply(await read(actor));
  } catch (error) {
    return readFailed(call, error);
  }
}

/**
 * For a read whose answer does not depend on who asks: the query starts while the token is
 * checked, so the two round trips overlap instead of adding up. Nothing of it is sent, or
 * even awaited for its value, unless the caller turns out to be allowed. Only a header that
 * can hold one of our tokens starts it early (a missing or foreign one costs no read), and
 * only with a pool: PGlite runs one query at a time, so there is nothing to overlap.
 */
export async function eagerReadReply(
  call: ApiCall,
  permission: Permission,
  read: () => Promise<unknown>,
): Promise<Reply> {
  if (!bearerSecret(call.authorization) || getHandle().poolMax < 2) return readReply(call, permission, read);
  const pending = read();
  // If the caller is refused, the result is dropped: its failure must not go unhandled.
  pending.catch(() => {});
  return readReply(call, permission, () => pending);
}

/** 401 for nobody, 403 for a caller without the permission. */
function refusal(actor: Actor | null) {
  if (!actor)
    return errorReply({
      code: "unauthorized",
      error: "Send a valid API token as `Authorization: Bearer …`.",
    });
  return errorReply({ code: "forbidden", error: "Your token or role does not allow this." });
}

function bodyReply(body: unknown): Reply {
  if (body === null) return errorReply({ code: "not_found", error: "Not found." });
  return { status: 200, body };
}

function readFailed(call: ApiCall, error: unknown) {
  logger.error({ err: error, url: call.url }, "api read failed");
  return errorReply({ code: "internal", error: "Something went wrong on our side." });
}

/** Parses a JSON body; a malformed one is the caller's 400, not our 500. */
export async function jsonBody(
  request: Request,
): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  try {
    return { ok: true, body: await request.json() };
  } catch {
    return {
      ok: false,
      response: errorResponse({ code: "invalid", error: "The request body must be JSON." }),
    };
  }
}
