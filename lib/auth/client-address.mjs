/**
 * Who is on the other end of a request, decided from facts a client cannot choose: the
 * socket's peer, and `X-Forwarded-For` / `X-Forwarded-Proto` only as far as proxies listed
 * in `PHAROS_TRUSTED_PROXIES` vouch for them. Plain JavaScript (typed in the .d.mts beside
 * it) because scripts/server.mjs, which alone sees the socket, runs it before Next does.
 */
import ipaddr from "ipaddr.js";

const NAMED = {
  loopback: "loopback",
  linklocal: "linkLocal",
  uniquelocal: "uniqueLocal",
  private: "private",
};

/**
 * Parses `PHAROS_TRUSTED_PROXIES`: comma-separated addresses and CIDR ranges
 * (`10.0.0.0/8, 2001:db8::/32, 192.0.2.7`), plus `loopback`, `private`, `uniquelocal`
 * and `linklocal`. A typo is a configuration error: trusting the wrong hop would let
 * clients choose their own address, so it is reported rather than skipped.
 *
 * @param {string | undefined} spec
 */
export function parseTrustedProxies(spec) {
  /** @type {Array<{ net: ipaddr.IPv4 | ipaddr.IPv6, bits: number } | { named: string }>} */
  const ranges = [];
  for (const part of (spec ?? "").split(",")) {
    const entry = part.trim();
    if (!entry) continue;
    const named = NAMED[/** @type {keyof typeof NAMED} */ (entry.toLowerCase())];
    if (named) {
      ranges.push({ named });
      continue;
    }
    const slash = entry.indexOf("/");
    const ip = parseAddress(slash === -1 ? entry : entry.slice(0, slash));
    const max = ip?.kind() === "ipv4" ? 32 : 128;
    const suffix = slash === -1 ? String(max) : entry.slice(slash + 1);
    const bits = Number(suffix);
    if (!ip || !/^\d{1,3}$/.test(suffix) || bits > max) {
      throw new Error(
        `PHAROS_TRUSTED_PROXIES entry "${entry}" must be an IP address, a CIDR range such as 10.0.0.0/8, or one of loopback, private, uniquelocal, linklocal`,
      );
    }
    ranges.push({ net: ip, bits });
  }
  return Object.freeze(ranges);
}

/**
 * One address as Pharos stores and compares it: IPv4 in dotted quads (an IPv4-mapped
 * IPv6 address such as `::ffff:10.0.0.1` becomes `10.0.0.1`), IPv6 in its RFC 5952
 * form. Ports (`1.2.3.4:5678`, `[2001:db8::1]:443`) and zones are dropped; anything that
 * is not an address is null.
 *
 * @param {string | null | undefined} raw
 */
export function normalizeAddress(raw) {
  const ip = parseAddress(raw);
  return ip ? format(ip) : null;
}

/** @param {string | null | undefined} raw */
function parseAddress(raw) {
  if (typeof raw !== "string") return null;
  let text = raw.trim();
  if (text.length === 0 || text.length > 100) return null;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  // A zone id (`fe80::1%eth0`) names an interface of the sender, not part of the address.
  text = text.replace(/%[\w.-]+$/, "");
  /** @type {ipaddr.IPv4 | ipaddr.IPv6} */
  let ip;
  // Only dotted quads: ipaddr also reads `127.1` and `0x7f.0.0.1`, which no proxy writes.
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) ip = ipaddr.IPv4.parse(text);
  else if (text.includes(":") && ipaddr.IPv6.isValid(text)) ip = ipaddr.IPv6.parse(text);
  else return null;
  if (ip.kind() === "ipv6" && /** @type {ipaddr.IPv6} */ (ip).isIPv4MappedAddress()) {
    return /** @type {ipaddr.IPv6} */ (ip).toIPv4Address();
  }
  return ip;
}

/** @param {ipaddr.IPv4 | ipaddr.IPv6} ip */
function format(ip) {
  return ip.kind() === "ipv6" ? /** @type {ipaddr.IPv6} */ (ip).toRFC5952String() : ip.toString();
}

/**
 * @param {string | null | undefined} address
 * @param {ReturnType<typeof parseTrustedProxies>} trusted
 */
export function isTrustedProxy(address, trusted) {
  const ip = parseAddress(address);
  if (!ip) return false;
  return trusted.some((range) => {
    if ("named" in range) return ip.range() === range.named;
    if (range.net.kind() !== ip.kind()) return false;
    return ip.match(/** @type {never} */ (range.net), range.bits);
  });
}

/**
 * Every address `X-Forwarded-For` lists, in order; repeated headers count as one list.
 *
 * @param {string | readonly string[] | null | undefined} header
 */
export function forwardedChain(header) {
  const values = typeof header === "string" ? [header] : (header ?? []);
  return values
    .flatMap((value) => value.split(","))
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/**
 * The client's address. It is the socket's peer unless that peer is a trusted proxy; then
 * `X-Forwarded-For` is read from the right, each trusted hop vouching for the one before
 * it, and the first address no trusted proxy sits behind is the client. Entries to its
 * left were written by the client and are never read, so a forged header changes nothing.
 * Null when the socket is unknown, or when a trusted proxy passed on something that is
 * not an address (then nobody can say who the client is).
 *
 * @param {{ socket: string | null | undefined, forwardedFor?: string | readonly string[] | null, trusted: ReturnType<typeof parseTrustedProxies> }} input
 */
export function clientAddress(input) {
  let current = normalizeAddress(input.socket);
  if (!current) return null;
  const chain = forwardedChain(input.forwardedFor);
  while (isTrustedProxy(current, input.trusted) && chain.length) {
    const next = normalizeAddress(chain.pop());
    if (!next) return null;
    current = next;
  }
  return current;
}

/**
 * Whether the browser reached Pharos over TLS: said by `AUTH_URL` when it is set, else by
 * `X-Forwarded-Proto` — but only when the socket's peer is a trusted proxy (its first
 * value, which the proxy nearest the browser wrote). A client cannot ask for it otherwise.
 *
 * @param {{ authUrl?: string | null, socket: string | null | undefined, forwardedProto?: string | readonly string[] | null, trusted: ReturnType<typeof parseTrustedProxies> }} input
 */
export function requestIsHttps(input) {
  const authUrl = input.authUrl?.trim();
  if (authUrl) return authUrl.toLowerCase().startsWith("https:");
  if (!isTrustedProxy(input.socket, input.trusted)) return false;
  const proto = typeof input.forwardedProto === "string" ? input.forwardedProto : input.forwardedProto?.[0];
  return (proto ?? "").split(",")[0].trim().toLowerCase() === "https";
}

/**
 * The part of an address the sign-in throttle counts: a whole IPv4 address, but an IPv6
 * /64, since one home or one cloud VM usually holds a whole /64 and could otherwise
 * rotate through addresses to escape every per-address limit.
 *
 * @param {string | null | undefined} address
 */
export function throttleAddress(address) {
  const ip = parseAddress(address);
  if (!ip) return null;
  if (ip.kind() === "ipv4") return ip.toString();
  const parts = /** @type {ipaddr.IPv6} */ (ip).parts.slice(0, 4).concat([0, 0, 0, 0]);
  return `${new ipaddr.IPv6(parts).toRFC5952String()}/64`;
}

/** Headers scripts/server.mjs sets on every request, overwriting whatever a client sent. */
export const CLIENT_ADDRESS_HEADER = "x-pharos-client-address";
export const CLIENT_HTTPS_HEADER = "x-pharos-client-https";

/**
 * Set on the process by scripts/server.mjs. Without it (`next start`, `next dev`) nothing
 * stamps those headers, so a value in them was written by the client and is ignored.
 */
export const STAMPED_BY_SERVER = Symbol.for("pharos.clientAddress.server");

/**
 * For scripts/server.mjs: decides the client's address and scheme from the socket and
 * stamps them on the request for the app, replacing any client-sent copies.
 *
 * @param {import("node:http").IncomingMessage} req
 * @param {{ trusted: ReturnType<typeof parseTrustedProxies>, authUrl?: string }} options
 */
export function stampClientFacts(req, { trusted, authUrl }) {
  const socket = req.socket.remoteAddress;
  const address = clientAddress({ socket, forwardedFor: req.headers["x-forwarded-for"], trusted });
  const https = requestIsHttps({
    authUrl,
    socket,
    forwardedProto: req.headers["x-forwarded-proto"],
    trusted,
  });
  req.headers[CLIENT_ADDRESS_HEADER] = address ?? "";
  req.headers[CLIENT_HTTPS_HEADER] = https ? "1" : "0";
  return { address, https, fromTrustedProxy: isTrustedProxy(socket, trusted) };
}
