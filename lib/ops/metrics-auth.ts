import { createHash, timingSafeEqual } from "node:crypto";
import { NO_STORE } from "@/lib/http/security-headers.mjs";

/** `PHAROS_METRICS_TOKEN`: when set, scrapes must present it as a bearer token. */
export function metricsToken(env: Record<string, string | undefined> = process.env): string | null {
  const token = env.PHAROS_METRICS_TOKEN?.trim();
  return token ? token : null;
}

/**
 * Whether a scrape may read the metrics. Both sides are hashed before the comparison so
 * that it takes the same time whatever the length or the first wrong byte of a guess.
 */
export function scrapeAllowed(authorization: string | null, expected: string | null): boolean {
  if (expected === null) return true;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? "");
  if (!match) return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(match[1]), digest(expected));
}

/**
 * The answer to a scrape without the right token (RFC 6750: `invalid_token` when one was
 * presented, no error code when none was).
 */
export function scrapeRefused(authorization: string | null): Response {
  const presented = Boolean(authorization?.trim());
  const challenge = `Bearer realm="pharos-metrics"${presented ? ', error="invalid_token"' : ""}`;
  return Response.json(
    {
      error: {
        code: "unauthorized",
        message: presented
          ? "The metrics token is not valid."
          : "Metrics need a bearer token (PHAROS_METRICS_TOKEN).",
      },
    },
    { status: 401, headers: { "www-authenticate": challenge, "cache-control": NO_STORE } },
  );
}
