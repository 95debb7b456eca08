import type { z } from "zod";
import { getDb } from "@/db/client";
import { type Actor, can } from "@/lib/auth/actor";
import { toFieldErrors } from "@/lib/command/execute";
import { badInputError } from "@/lib/command/pg-errors";
import { CommandError, type Result } from "@/lib/command/result";
import { logger } from "@/lib/ops/logger";
import type { Query } from "./define";

/**
 * The single gate for reads: caller → permission → zod → run. Nothing reaches the
 * database for a caller who is missing or not allowed. A read that finds nothing returns
 * `null`, which comes back as `not_found`.
 */
export async function runQuery<S extends z.ZodType, R>(
  query: Query<S, R>,
  actor: Actor | null,
  rawInput: unknown,
): Promise<Result<NonNullable<R>>> {
  if (!actor) return { ok: false, code: "unauthorized", error: "Sign in to continue." };
  if (!can(actor, query.permission))
    return { ok: false, code: "forbidden", error: "You do not have permission to see that." };
  const parsed = query.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const fieldErrors = toFieldErrors(parsed.error);
    const [first] = Object.entries(fieldErrors);
    const error =
      first && first[0] !== "_form" ? `${first[0]}: ${first[1]}` : (first?.[1] ?? "Invalid input.");
    return { ok: false, code: "invalid", error, fieldErrors };
  }
  try {
    const data = await query.run({ db: getDb(), actor }, parsed.data);
    if (data === null || data === undefined) return { ok: false, code: "not_found", error: "Not found." };
    return { ok: true, data: data as NonNullable<R> };
  } catch (error) {
    if (error instanceof CommandError)
      return { ok: false, code: error.code, error: error.message, fieldErrors: error.fieldErrors };
    const bad = badInputError(error);
    if (bad) return { ok: false, code: "invalid", error: bad.message };
    logger.error({ err: error, query: query.name }, "query failed");
    return { ok: false, code: "internal", error: "Something went wrong on our side." };
  }
}
