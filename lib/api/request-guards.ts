import type { FieldErrors } from "@/lib/command/result";

/** C0 controls and DEL: never meaningful in a path segment or a query parameter. */
export function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** The first path segment that is not valid percent-encoding, or null when all decode. */
export function malformedSegment(path: string): string | null {
  for (const segment of path.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return segment;
    }
  }
  return null;
}

/** Field errors for path parameters and query values that carry control characters. */
export function controlCharacterErrors(
  params: Record<string, string>,
  query: URLSearchParams,
): FieldErrors | null {
  const errors: FieldErrors = {};
  for (const [key, value] of Object.entries(params)) {
    if (hasControlCharacter(value)) errors[key] = "Contains a control character.";
  }
  for (const [key, value] of query) {
    if (hasControlCharacter(key)) errors._query = "A parameter name contains a control character.";
    else if (hasControlCharacter(value)) errors[key] = "Contains a control character.";
  }
  return Object.keys(errors).length ? errors : null;
}

/** Query parameters as an object (a repeated parameter keeps its first value). */
export function queryObject(query: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of query) if (!(key in out)) out[key] = value;
  return out;
}

export type BodyRead =
  | { ok: true; text: string }
  | { ok: false; tooLarge: true }
  | { ok: false; tooLarge: false };

/**
 * Reads at most `maxBytes` of a body, stopping (and cancelling the upload) as soon as it
 * goes past, so an oversized request costs us nothing beyond the limit.
 */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<BodyRead> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, tooLarge: true };
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false, tooLarge: true };
    }
    chunks.push(value);
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)) };
  } catch {
    return { ok: false, tooLarge: false };
  }
}
