/**
 * The security headers of every Pharos response, pages and API alike, in one place.
 * Plain ESM so that the production server (scripts/server.mjs, plain Node) and Next's
 * proxy (proxy.ts, for `next dev` / `next start`) apply the very same set.
 */

/** Authenticated API answers are per caller: no browser or proxy may keep a copy. */
export const NO_STORE = "no-store";

/** Two years, as browsers' preload lists ask; only ever sent over TLS. */
export const HSTS = "max-age=63072000; includeSubDomains";

/**
 * A fresh nonce for one response: 128 random bits, base64, which is what Next's
 * `getScriptNonceFromHeader` accepts (`[A-Za-z0-9+/_-]+={0,2}`).
 */
export function createNonce() {
  // Drawn from a pool refilled 256 nonces at a time: one getRandomValues call costs more
  // than the rest of the headers together.
  if (poolOffset + 16 > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(4096));
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + 16);
  poolOffset += 16;
  return btoa(String.fromCharCode(...bytes));
}

let pool = new Uint8Array(0);
let poolOffset = 0;

/**
 * The Content-Security-Policy for one response.
 *
 * - Scripts: only those carrying this response's nonce (Next stamps it on every script it
 *   renders, next-themes on its inline theme script) and what they load ('strict-dynamic':
 *   Next's chunk loader). No 'unsafe-inline' for scripts; 'self' is for CSP2-only browsers,
 *   which ignore 'strict-dynamic'. `next dev` also needs 'unsafe-eval' (React's dev stack
 *   traces) and websockets (hot reload).
 * - Styles: 'unsafe-inline' is needed and must not be paired with a nonce (a nonce would
 *   switch it off): React renders `style="…"` attributes on the server (progress bars,
 *   Radix popper positions, recharts and @xyflow/react node transforms), and sonner and
 *   Radix's scroll lock insert `<style>` elements at run time. Inline styles cannot run code.
 * - form-action: our own origin, plus the SSO provider's, because a sign-in form posted
 *   before hydration is answered with a redirect to the provider and Chromium holds
 *   redirects of a form submission to form-action as well.
 *
 * @param {{ nonce: string, dev?: boolean, formActionOrigins?: string[] }} options
 */
export function contentSecurityPolicy({ nonce, dev = false, formActionOrigins = [] }) {
  const key = `${dev}|${formActionOrigins.join(" ")}`;
  let template = templates.get(key);
  if (!template) {
    template = policyTemplate(dev, formActionOrigins);
    templates.set(key, template);
  }
  return `${template[0]}${nonce}${template[1]}`;
}

/** The policy around its nonce, per setting (there is one per process). */
const templates = new Map();

/**
 * @param {boolean} dev
 * @param {string[]} formActionOrigins
 * @returns {[string, string]}
 */
function policyTemplate(dev, formActionOrigins) {
  const marker = "\u0000nonce\u0000";
  const directives = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${marker}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'", ...(dev ? ["ws:", "wss:"] : [])],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'", ...formActionOrigins],
    ["frame-ancestors", "'none'"],
  ];
  const [before, after] = directives
    .map((d) => d.join(" "))
    .join("; ")
    .split(marker);
  return [before, after];
}

/**
 * Every security header for one response. HSTS only when the browser reached us over TLS:
 * sent over plain HTTP it is ignored at best, and it would pin a development host to HTTPS.
 *
 * @param {{ nonce: string, tls: boolean, dev?: boolean, formActionOrigins?: string[] }} options
 * @returns {Record<string, string>}
 */
export function securityHeaders({ nonce, tls, dev = false, formActionOrigins = [] }) {
  return {
    "content-security-policy": contentSecurityPolicy({ nonce, dev, formActionOrigins }),
    "x-content-type-options": "nosniff",
    // The invite link carries its token in the path: never send it to another origin.
    "referrer-policy": "strict-origin-when-cross-origin",
    // For browsers that predate frame-ancestors.
    "x-frame-options": "DENY",
    ...(tls ? { "strict-transport-security": HSTS } : {}),
  };
}

/**
 * What the policy takes from the environment: the SSO provider's origin for form-action,
 * and the relaxations `next dev` needs.
 *
 * @param {Record<string, string | undefined>} env
 */
export function securitySettings(env = process.env) {
  return {
    dev: env.NODE_ENV === "development",
    formActionOrigins: originsOf([env.OIDC_ISSUER]),
  };
}

/** @param {Array<string | undefined>} urls */
function originsOf(urls) {
  const origins = [];
  for (const url of urls) {
    if (!url?.trim()) continue;
    try {
      const { origin } = new URL(url.trim());
      if (origin !== "null" && !origins.includes(origin)) origins.push(origin);
    } catch {
      // A malformed issuer fails sign-in on its own; the policy simply does not name it.
    }
  }
  return origins;
}

/**
 * For a plain Node server (scripts/server.mjs): sets the headers on the response before
 * anything answers, and hands the nonce to Next on the request — Next reads it from the
 * request's Content-Security-Policy, the root layout from `x-nonce`. Client-sent copies
 * of those headers are overwritten, so no one can choose the nonce of their own page.
 * `tls` is the server's verdict on the scheme (`requestIsHttps` in
 * lib/auth/client-address.mjs: AUTH_URL, or X-Forwarded-Proto from a trusted proxy).
 *
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {{ settings: ReturnType<typeof securitySettings>, tls: boolean }} options
 * @returns {string} the nonce
 */
export function secureNodeExchange(req, res, { settings, tls }) {
  const nonce = createNonce();
  const headers = securityHeaders({ nonce, tls, ...settings });
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  req.headers["content-security-policy"] = headers["content-security-policy"];
  delete req.headers["content-security-policy-report-only"];
  req.headers["x-nonce"] = nonce;
  return nonce;
}

/**
 * Set by scripts/server.mjs on the process, so that proxy.ts (which runs in the same
 * process) knows every exchange already carries the headers and its nonce.
 */
export const APPLIED_BY_SERVER = Symbol.for("pharos.securityHeaders.server");

/**
 * Copies a header set onto Web `Headers` (a proxy or router response).
 *
 * @param {Headers} target
 * @param {Record<string, string>} values
 */
export function setAll(target, values) {
  for (const [name, value] of Object.entries(values)) target.set(name, value);
  return target;
}
