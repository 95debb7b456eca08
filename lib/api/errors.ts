import type { Failure } from "@/lib/command/result";
import { HTTP_STATUS } from "@/lib/command/result";

/** The API's one error shape: `{"error": {"code", "message", "fields", "details"?}}`. */
export type ApiFailure = Pick<Failure, "code" | "error" | "fieldErrors" | "details">;

export type ErrorCode = Failure["code"] | "method_not_allowed" | "too_large";

const EXTRA_STATUS = { method_not_allowed: 405, too_large: 413 } as const;

export function errorBody(failure: {
  code: ErrorCode;
  error: string;
  fieldErrors?: Record<string, string>;
  details?: unknown;
}) {
  return {
    error: {
      code: failure.code,
      message: failure.error,
      fields: failure.fieldErrors ?? {},
      ...(failure.details === undefined ? {} : { details: failure.details }),
    },
  };
}

export function statusOf(code: ErrorCode): number {
  return code in EXTRA_STATUS
    ? EXTRA_STATUS[code as keyof typeof EXTRA_STATUS]
    : HTTP_STATUS[code as Failure["code"]];
}

/** A JSON error response; 401s say how to authenticate. */
export function errorResponse(
  failure: { code: ErrorCode; error: string; fieldErrors?: Record<string, string>; details?: unknown },
  headers: Record<string, string> = {},
): Response {
  const extra: Record<string, string> =
    failure.code === "unauthorized" ? { "www-authenticate": 'Bearer realm="pharos"' } : {};
  return Response.json(errorBody(failure), {
    status: statusOf(failure.code),
    headers: { ...extra, ...headers, "cache-control": "no-store" },
  });
}

export const UNAUTHORIZED = {
  code: "unauthorized",
  error: "Send a valid API token as `Authorization: Bearer …`.",
} as const;
export const FORBIDDEN = { code: "forbidden", error: "Your token or role does not allow this." } as const;
