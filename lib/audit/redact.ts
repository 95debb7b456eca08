const SECRET_KEYS = new Set(["passwordHash", "password", "tokenHash", "token", "secret", "headerValue"]);

/**
 * Audit rows keep before/after snapshots; secrets (hashes included) never enter them.
 * Dates become ISO strings so the stored JSON reads the same on both databases.
 */
export function redact(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] = SECRET_KEYS.has(key) ? "[redacted]" : redact(v);
    }
    return out;
  }
  return value;
}
