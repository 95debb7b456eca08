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
