import ipaddr from "ipaddr.js";

/*
 * Which URLs Pharos may fetch a catalog-info.yaml from. A location is a request Pharos makes
 * on a person's behalf from inside the network, so it must not become a way to read internal
 * services: only https, only public addresses. The one exception, for tests and local
 * development, is this machine's loopback when PHAROS_LOCATIONS_ALLOW_LOOPBACK is set.
 * No I/O here: the fetcher applies `addressProblem` to every address a name resolves to.
 */

export type UrlPolicy = { allowLoopback: boolean };

const LOOPBACK_NAMES = new Set(["localhost", "localhost."]);

/** What kind of non-public address this is ("private", "link-local", …), or null when it may be fetched from. */
export function nonPublicKind(address: string, policy: UrlPolicy): string | null {
  if (!ipaddr.isValid(address)) return "unknown";
  const range = ipaddr.process(address).range();
  if (range === "unicast") return null;
  if (range === "loopback" && policy.allowLoopback) return null;
  return rangeWords(range);
}

/** Why this address may not be fetched from, or null. */
export function addressProblem(address: string, policy: UrlPolicy): string | null {
  const kind = nonPublicKind(address, policy);
  return kind ? `${address} is a ${kind} address; locations must be public.` : null;
}

function rangeWords(range: string) {
  const words: Record<string, string> = {
    loopback: "loopback",
    private: "private",
    linkLocal: "link-local",
    uniqueLocal: "private (unique local)",
    carrierGradeNat: "shared (carrier-grade NAT)",
    unspecified: "unspecified",
    multicast: "multicast",
  };
  return words[range] ?? `non-public (${range})`;
}

/** The host as an IP literal (brackets off an IPv6 one), or null for a name. */
function literalHost(hostname: string): string | null {
  const bare = hostname.startsWith("[") ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : null;
}

function isLoopbackHost(hostname: string): boolean {
  if (LOOPBACK_NAMES.has(hostname)) return true;
  const literal = literalHost(hostname);
  return literal !== null && ipaddr.process(literal).range() === "loopback";
}

/**
 * Why a URL may not be registered or followed, or null. What can be told without DNS is
 * told here (scheme, credentials, literal addresses, localhost), so a person gets the answer
 * beside the field; names are checked again against what they resolve to at fetch time.
 */
export function urlProblem(raw: string, policy: UrlPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL, such as https://github.example.com/acme/payments/raw/main/catalog-info.yaml.";
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback && policy.allowLoopback))
    return "Use an https:// URL.";
  if (url.username || url.password) return "Put credentials in the token header, not in the URL.";
  if (loopback && !policy.allowLoopback) return "Locations must be public; this URL points at this machine.";
  const literal = literalHost(url.hostname);
  return literal ? addressProblem(literal, policy) : null;
}

/** A header name as HTTP allows (RFC 9110 token), and not one that would change the request's framing or target. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const RESERVED = new Set(["host", "content-length", "transfer-encoding", "connection", "upgrade", "te"]);

export function headerNameProblem(name: string): string | null {
  if (!TOKEN.test(name)) return "A header name is letters, digits and - (such as Authorization).";
  if (RESERVED.has(name.toLowerCase())) return `Pharos sets ${name} itself; use another header.`;
  return null;
}
