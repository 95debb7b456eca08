/** The expected ways a command can fail; each maps to one HTTP status. */
export type ErrorCode = "invalid" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "rate_limited";

export type FieldErrors = Record<string, string>;

/** `details` carries structured context a caller can act on, e.g. an import's per-entity report. */
export type Failure = {
  ok: false;
  code: ErrorCode | "internal";
  error: string;
  fieldErrors?: FieldErrors;
  details?: unknown;
};
export type Result<T> = { ok: true; data: T } | Failure;

/** Thrown inside a command for an expected failure; the wrapper turns it into a `Failure`. */
export class CommandError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "CommandError";
  }
}

export const fail = {
  invalid: (message: string, fieldErrors?: FieldErrors) => new CommandError("invalid", message, fieldErrors),
  notFound: (message: string) => new CommandError("not_found", message),
  forbidden: (message = "You do not have permission to do that.") => new CommandError("forbidden", message),
  conflict: (message: string, fieldErrors?: FieldErrors) =>
    new CommandError("conflict", message, fieldErrors),
};

export const HTTP_STATUS: Record<Failure["code"], number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
};
