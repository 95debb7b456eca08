import { describe, expect, it } from "vitest";
import { generateToken, hashToken, parseExpiry, TOKEN_PREFIX } from "./token-secret";

describe("API token secrets", () => {
  it("are prefixed, long, unique and stored only as a hash", () => {
    const a = generateToken();
    const b = generateToken();
    expect(a.token.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(a.token.length).toBeGreaterThanOrEqual(TOKEN_PREFIX.length + 43);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashToken(a.token));
    expect(a.hash).not.toContain(a.token.slice(TOKEN_PREFIX.length));
    expect(a.token.startsWith(a.prefix)).toBe(true);
  });

  it("parses expiries", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(parseExpiry("30d", now)?.toISOString()).toBe("2026-01-31T00:00:00.000Z");
    expect(parseExpiry("12h", now)?.toISOString()).toBe("2026-01-01T12:00:00.000Z");
    expect(parseExpiry("90m", now)?.toISOString()).toBe("2026-01-01T01:30:00.000Z");
    expect(parseExpiry("2w", now)?.toISOString()).toBe("2026-01-15T00:00:00.000Z");
    expect(parseExpiry("never", now)).toBeNull();
    expect(parseExpiry("2026-06-01", now)?.toISOString()).toBe("2026-06-01T00:00:00.000Z");
    expect(() => parseExpiry("soon", now)).toThrow(/not a duration/);
  });
});
