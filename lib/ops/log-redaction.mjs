/**
 * What Pharos's logs may never contain, and the pino options that keep it out: one
 * definition for the app's logger (lib/ops/logger.ts) and the production server's
 * (scripts/server.mjs, plain Node — hence plain ESM).
 *
 * Three layers, because each catches what the others cannot:
 * - fields named like secrets (password, token, authorization, cookie, …) are censored at
 *   any depth, by a walk over what is logged (pino's own `redact` has no "any depth", and its
 *   wildcards cost ≈200 µs a line — more than a whole API read — where this walk adds ≈4).
 * - the `err` serializer: database errors carry the failed statement and its parameters
 *   (drizzle's message is `Failed query: …\nparams: …`, PGlite adds `query`/`params`,
 *   postgres.js `query`/`parameters`/`args`), and PostgreSQL's `detail`/`where` repeat
 *   row values ("Failing row contains (…, $2b$11$…)"). Those are dropped; code, severity,
 *   table, column and constraint — what tells you what went wrong — are kept.
 * - text scrubbing of messages and stacks: query strings, bearer tokens, `pharos_` API
 *   tokens and bcrypt hashes wherever they appear in a string.
 */
import pino from "pino";

const SECRET_KEYS = [
  "password",
  "passwordHash",
  "password_hash",
  "currentPassword",
  "newPassword",
  "token",
  "accessToken",
  "access_token",
  "refreshToken",
  "refresh_token",
  "idToken",
  "id_token",
  "secret",
  "clientSecret",
  "client_secret",
  "authorization",
  "cookie",
  "set-cookie",
];

const SECRET = new Set(SECRET_KEYS.map((key) => key.toLowerCase()));

export const CENSOR = "[redacted]";

/** Deeper than this, a logged value is summarised rather than walked. */
const MAX_DEPTH = 8;

/** Keys pino hands to a serializer of ours, which does its own censoring. */
const SERIALIZED = new Set(["err", "error", "req", "request"]);

/**
 * Text fields of database and driver errors that carry the statement or row values
 * (parameter arrays and option objects go anyway: only plain values of an error are kept).
 */
const DROPPED_ERROR_FIELDS = new Set(["query", "detail", "where", "internalQuery", "internal_query"]);

/**
 * The path of a URL without its query string or fragment (tokens and invite codes travel
 * there). Accepts a request target (`/a?b`) or an absolute URL; never throws.
 *
 * @param {string | URL | null | undefined} url
 */
export function safePath(url) {
  if (url === null || url === undefined) return "/";
  const text = String(url);
  let path = text.split(/[?#]/, 1)[0];
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    const afterScheme = path.slice(path.indexOf("//") + 2);
    const slash = afterScheme.indexOf("/");
    path = slash === -1 ? "/" : afterScheme.slice(slash);
  }
  if (!path.startsWith("/")) path = `/${path}`;
  // A path is not a place for a novel: a flood of huge URLs must not become huge log lines.
  return path.length > 512 ? `${path.slice(0, 512)}…` : path;
}

/**
 * Removes secrets from free text: drizzle's failed statement and parameters, query strings
 * of URLs, bearer and `pharos_` tokens, bcrypt hashes, and the quoted input values that
 * PostgreSQL repeats in its messages (`invalid input syntax for type integer: "…"`).
 *
 * @param {string} text
 */
export function scrubText(text) {
  if (typeof text !== "string" || !MAY_HOLD_SECRET.test(text)) return text;
  return (
    text
      // drizzle: "Failed query: <sql>\nparams: <values>", up to the stack frames if any.
      .replace(/Failed query: [\s\S]*?(?=\n\s+at |$)/g, "Failed query (statement and parameters not logged)")
      .replace(/\bBearer\s+[^\s"',;]+/gi, `Bearer ${CENSOR}`)
      .replace(/\bpharos_[A-Za-z0-9_-]+/g, `pharos_${CENSOR}`)
      .replace(/\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}/g, CENSOR)
      .replace(/\?[^\s"'<>#]*=[^\s"'<>]*/g, "?…")
      .replace(/(\bvalue )"(?:[^"]|"")*"/g, `$1"${CENSOR}"`)
      .replace(/: "(?:[^"]|"")*"(?=\s*$|\n)/gm, `: "${CENSOR}"`)
  );
}

/** A cheap first look: text with none of these cannot match any rule of scrubText. */
const MAY_HOLD_SECRET = /[?"$]|bearer|pharos_|failed query/i;

/**
 * A logged value with every secret-named field censored, at any depth, errors and requests
 * serialized wherever they sit, and strings scrubbed. Returns copies; the caller's objects
 * are never changed.
 *
 * @param {unknown} value
 * @returns {unknown}
 */
export function censor(value, depth = 0, seen = new WeakSet()) {
  if (typeof value === "string") return scrubText(value);
  if (value === null || typeof value !== "object") return value;
  if (isErrorLike(value)) return serializeError(value);
  if (isRequestLike(value)) return serializeRequest(/** @type {{ method?: string, url?: string }} */ (value));
  if (value instanceof Date || ArrayBuffer.isView(value)) return value;
  if (seen.has(value)) return "[circular]";
  if (depth >= MAX_DEPTH) return "[nested]";
  seen.add(value);
  const out = Array.isArray(value)
    ? value.map((item) => censor(item, depth + 1, seen))
    : censorFields(value, depth, seen);
  seen.delete(value);
  return out;
}

/**
 * @param {object} object
 * @param {number} depth
 * @param {WeakSet<object>} seen
 */
function censorFields(object, depth, seen) {
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [key, value] of Object.entries(object)) {
    if (SECRET.has(key.toLowerCase())) out[key] = CENSOR;
    else if (depth === 0 && SERIALIZED.has(key)) out[key] = value;
    else out[key] = censor(value, depth + 1, seen);
  }
  return out;
}

/**
 * The `err` serializer: type, scrubbed message and stack, plain fields except those that
 * carry statements or values, and the cause chain (drizzle wraps the driver's error).
 *
 * @param {unknown} err
 * @returns {unknown}
 */
export function serializeError(err, depth = 0) {
  if (!isErrorLike(err)) return typeof err === "string" ? scrubText(err) : err;
  const error = /** @type {Error & Record<string, unknown>} */ (err);
  /** @type {Record<string, unknown>} */
  const out = {
    type: typeof error.constructor === "function" ? error.constructor.name : error.name,
    message: scrubText(String(error.message ?? "")),
  };
  if (typeof error.stack === "string") out.stack = scrubText(error.stack);
  for (const key of Object.keys(error)) {
    if (key in out || key === "cause" || key === "errors" || DROPPED_ERROR_FIELDS.has(key)) continue;
    if (SECRET.has(key.toLowerCase())) continue;
    const value = error[key];
    if (typeof value === "string") out[key] = scrubText(value);
    else if (typeof value === "number" || typeof value === "boolean" || value === null) out[key] = value;
  }
  // Deep enough for drizzle → driver → socket; a cycle or a pathological chain stops here.
  if (depth < 4 && error.cause !== undefined) out.cause = serializeError(error.cause, depth + 1);
  if (depth < 4 && Array.isArray(error.errors))
    out.errors = error.errors.slice(0, 10).map((e) => serializeError(e, depth + 1));
  return out;
}

/**
 * A request as a log line may show it: method and path, never headers or the query.
 *
 * @param {{ method?: string, url?: string } | null | undefined} req
 */
export function serializeRequest(req) {
  if (!req || typeof req !== "object" || !("url" in req)) return req;
  return { method: req.method, path: safePath(req.url) };
}

/**
 * The pino options both loggers share.
 *
 * @param {{ level: string }} options
 */
export function logOptions({ level }) {
  return {
    level,
    base: { service: "pharos" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      log: (/** @type {Record<string, unknown>} */ object) => censorFields(object, 0, new WeakSet()),
      bindings: (/** @type {Record<string, unknown>} */ bindings) => censorFields(bindings, 0, new WeakSet()),
    },
    serializers: {
      err: serializeError,
      error: serializeError,
      req: serializeRequest,
      request: serializeRequest,
    },
    hooks: {
      /** Message strings are scrubbed too: `logger.error(\`… ${url}\`)` must not leak either. */
      logMethod(/** @type {unknown[]} */ args, /** @type {(...a: unknown[]) => void} */ method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === "string" ? scrubText(arg) : arg)),
        );
      },
    },
  };
}

/**
 * Sends `console.error` / `console.warn` through `log`, so that what Next prints about a
 * failed render or action (the error object, whose drizzle message holds the statement's
 * parameters) is redacted like everything else and arrives as one JSON line.
 *
 * @param {import("pino").Logger} log
 */
export function routeConsole(log) {
  for (const level of /** @type {const} */ (["error", "warn"])) {
    console[level] = (...args) => {
      const err = args.find(isErrorLike);
      const text = args.filter((arg) => typeof arg === "string").join(" ");
      // Other values stay structured, so that redaction sees their keys.
      const values = args.filter((arg) => arg !== err && typeof arg !== "string");
      const fields = { ...(err ? { err } : {}), ...(values.length ? { values } : {}) };
      log[level](fields, text || (err ? "error" : "console"));
    };
  }
}

/**
 * A Node or Web request (logged whole by mistake): only its method and path may be shown.
 *
 * @param {object} value
 */
function isRequestLike(value) {
  return "url" in value && "method" in value && "headers" in value;
}

/** @param {unknown} value */
function isErrorLike(value) {
  return (
    value instanceof Error ||
    (typeof value === "object" &&
      value !== null &&
      typeof (/** @type {{ message?: unknown }} */ (value).message) === "string" &&
      typeof (/** @type {{ stack?: unknown }} */ (value).stack) === "string")
  );
}
