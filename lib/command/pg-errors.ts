import type { FieldErrors } from "./result";

/**
 * A unique-index race (two people creating the same slug at once) surfaces as a
 * Postgres 23505; report it as the conflict it is rather than an internal error.
 */
export function uniqueViolation(error: unknown): { message: string; fieldErrors?: FieldErrors } | null {
  const pg = findPgError(error);
  if (pg?.code !== "23505") return null;
  const column = /\((\w+)\)=/.exec(pg.detail ?? "")?.[1];
  const field = column ? column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()) : undefined;
  const message = field ? `That ${field} is already taken.` : "That already exists.";
  return { message, fieldErrors: field ? { [field]: message } : undefined };
}

/**
 * SQLSTATEs that mean the caller sent a value the database cannot take, not that Pharos is
 * broken: they answer 400 with a plain message, never 500. Input validation refuses these
 * values first; this is the net for whatever reaches the database anyway.
 */
const BAD_INPUT: Record<string, string> = {
  "22021": "A value contains a character that cannot be stored (such as a NUL byte).",
  "22P05": "A value contains a character that cannot be stored (such as \\u0000 in JSON).",
  "22008": "A date or time is out of the supported range.",
  "22007": "A date or time is not in a valid format.",
  "22P02": "A value is not in the format its field expects.",
  "22003": "A number is out of range.",
  "22001": "A value is longer than its field allows.",
};

/** A database refusal of the caller's data, as the message to show; null for anything else. */
export function badInputError(error: unknown): { code: string; message: string } | null {
  const code = findPgError(error)?.code;
  return code && Object.hasOwn(BAD_INPUT, code) ? { code, message: BAD_INPUT[code] } : null;
}

type PgError = { code?: string; detail?: string };

function findPgError(error: unknown): PgError | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const candidate = current as PgError & { cause?: unknown };
    if (typeof candidate.code === "string" && /^\d{2}[0-9A-Z]{3}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return null;
}
