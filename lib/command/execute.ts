import type { z } from "zod";
import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit/record";
import { type Actor, can } from "@/lib/auth/actor";
import { logger } from "@/lib/ops/logger";
import { countCommand, dbGauges } from "@/lib/ops/metrics";
import type { Command, CommandContext } from "./define";
import { badInputError, uniqueViolation } from "./pg-errors";
import { CommandError, type FieldErrors, type Result } from "./result";

/**
 * The single guarded write path: caller → permission → zod → transaction → audit.
 * Server actions and REST handlers both end here, so neither can skip a step.
 */
export async function executeCommand<S extends z.ZodType, R>(
  command: Command<S, R>,
  actor: Actor | null,
  rawInput: unknown,
): Promise<Result<R>> {
  if (!actor) return { ok: false, code: "unauthorized", error: "Sign in to continue." };
  if (!can(actor, command.permission)) {
    countCommand(command.name, "forbidden");
    return { ok: false, code: "forbidden", error: "You do not have permission to do that." };
  }
  const parsed = command.input.safeParse(rawInput);
  if (!parsed.success) {
    countCommand(command.name, "invalid");
    const fieldErrors = toFieldErrors(parsed.error);
    return { ok: false, code: "invalid", error: summarize(fieldErrors), fieldErrors };
  }
  const inUse = dbGauges().poolInUse;
  inUse.inc();
  try {
    const db = getDb();
    await command.beforeTransaction?.(db, parsed.data);
    const data = await db.transaction(async (tx) => {
      let audited = false;
      let unchanged = false;
      const ctx: CommandContext = {
        unchanged: () => {
          unchanged = true;
        },
        tx,
        actor,
        audit: async (entry) => {
          audited = true;
          await recordAudit(tx, actor, { action: command.name, ...entry });
        },
      };
      const result = await command.run(ctx, parsed.data);
      // A write that leaves no trace is a bug in the command, not a user error.
      if (!audited && !unchanged) throw new Error(`Command ${command.name} finished without an audit record`);
      return result;
    });
    countCommand(command.name, "ok");
    await command.afterCommit?.(db, data).catch((error: unknown) => {
      logger.warn({ err: error, command: command.name }, "after-commit housekeeping failed");
    });
    return { ok: true, data };
  } catch (error) {
    if (error instanceof CommandError) {
      countCommand(command.name, error.code);
      return {
        ok: false,
        code: error.code,
        error: error.message,
        fieldErrors: error.fieldErrors,
        details: error.details,
      };
    }
    const unique = uniqueViolation(error);
    if (unique) {
      countCommand(command.name, "conflict");
      return { ok: false, code: "conflict", error: unique.message, fieldErrors: unique.fieldErrors };
    }
    const bad = badInputError(error);
    if (bad) {
      countCommand(command.name, "invalid");
      // The SQLSTATE only: the failed statement's parameters are the caller's data.
      logger.warn({ command: command.name, sqlstate: bad.code }, "the database refused a command's input");
      return { ok: false, code: "invalid", error: bad.message };
    }
    countCommand(command.name, "internal");
    logger.error({ err: error, command: command.name }, "command failed");
    return { ok: false, code: "internal", error: "Something went wrong on our side. Nothing was saved." };
  } finally {
    inUse.dec();
  }
}

export function toFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    // A strict schema's unknown keys are each named, so a typo points at itself.
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys)
        out[[...issue.path, key].join(".")] ??= "Unknown field; check its spelling.";
      continue;
    }
    const key = issue.path.length ? issue.path.join(".") : "_form";
    out[key] ??= issue.message;
  }
  return out;
}

function summarize(fieldErrors: FieldErrors): string {
  const entries = Object.entries(fieldErrors);
  if (entries.length === 1 && entries[0][0] !== "_form") return `${entries[0][0]}: ${entries[0][1]}`;
  if (entries.length === 1) return entries[0][1];
  return `${entries.length} fields need attention.`;
}
