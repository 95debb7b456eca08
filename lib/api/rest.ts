import { NextResponse } from "next/server";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { type Actor, can } from "@/lib/auth/actor";
import { actorFromBearer } from "@/lib/auth/api-tokens";
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

export function errorResponse(failure: Pick<Failure, "code" | "error" | "fieldErrors" | "details">) {
  const headers: Record<string, string> = {};
  if (failure.code === "unauthorized") headers["www-authenticate"] = 'Bearer realm="pharos"';
  return NextResponse.json(
    {
      error: {
        code: failure.code,
        message: failure.error,
        fields: failure.fieldErrors ?? {},
        ...(failure.details === undefined ? {} : { details: failure.details }),
      },
    },
    { status: HTTP_STATUS[failure.code], headers },
  );
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
  try {
    const actor = await apiActor(request);
    if (!actor)
      return errorResponse({
        code: "unauthorized",
        error: "Send a valid API token as `Authorization: Bearer …`.",
      });
    if (!can(actor, permission))
      return errorResponse({ code: "forbidden", error: "Your token or role does not allow this." });
    const body = await read(actor);
    if (body === null) return errorResponse({ code: "not_found", error: "Not found." });
    return NextResponse.json(body);
  } catch (error) {
    logger.error({ err: error, url: request.url }, "api read failed");
    return errorResponse({ code: "internal", error: "Something went wrong on our side." });
  }
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
