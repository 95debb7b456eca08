import { headers as nextHeaders } from "next/headers";
import {
  CLIENT_ADDRESS_HEADER,
  CLIENT_HTTPS_HEADER,
  normalizeAddress,
  STAMPED_BY_SERVER,
} from "./client-address.mjs";

/** What sign-in and sessions know about the browser on the other end. */
export type RequestFacts = {
  /** The client's address, or null when it cannot be known (see below). */
  address: string | null;
  /** Whether the browser reached Pharos over HTTPS; decides the session cookie's Secure flag. */
  https: boolean;
  userAgent: string;
};

/**
 * Reads the facts scripts/server.mjs stamped on the request from the socket and trusted
 * proxies. Under `next start` and `next dev` that server does not run and Next passes a
 * client's `X-Forwarded-For` through as it came, so no header can be believed: the
 * address is unknown (sign-in is then throttled by account only) and only `AUTH_URL`
 * says whether the browser uses HTTPS.
 */
export function requestFacts(headers: Headers): RequestFacts {
  const stamped = (globalThis as { [STAMPED_BY_SERVER]?: boolean })[STAMPED_BY_SERVER] === true;
  return {
    address: stamped ? normalizeAddress(headers.get(CLIENT_ADDRESS_HEADER)) : null,
    https: stamped ? headers.get(CLIENT_HTTPS_HEADER) === "1" : authUrlIsHttps(),
    userAgent: headers.get("user-agent") ?? "",
  };
}

function authUrlIsHttps(): boolean {
  return /^https:\/\//i.test(process.env.AUTH_URL?.trim() ?? "");
}

/** The current request's facts, for code that runs inside a request but is not handed one. */
export async function currentRequestFacts(): Promise<RequestFacts> {
  try {
    return requestFacts(new Headers(await nextHeaders()));
  } catch {
    // Outside a request (a script, a test): nothing is known about a browser.
    return { address: null, https: authUrlIsHttps(), userAgent: "" };
  }
}
