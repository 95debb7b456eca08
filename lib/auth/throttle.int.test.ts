import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loginThrottle } from "@/db/schema";
import { withTestDatabase } from "@/tests/database";
import { reserveAttempt, secondsUntilAllowed, settleSuccess } from "./throttle";
import { throttleKeys } from "./throttle-policy";

const t = withTestDatabase();
const at = (iso: string, plusSeconds = 0) => new Date(new Date(iso).getTime() + plusSeconds * 1000);

async function counters(keys: { key: string }[]) {
  const rows = await t.db
    .select()
    .from(loginThrottle)
    .where(
      inArray(
        loginThrottle.key,
        keys.map((k) => k.key),
      ),
    );
  return Object.fromEntries(rows.map((r) => [r.key.split(":")[0], r.failures]));
}

describe("sign-in throttle", () => {
  it("gives an account five free tries from one address, then doubles the wait", async () => {
    const keys = throttleKeys({ email: "victim@example.com", address: "10.1.1.1" });
    const now = at("2026-03-01T10:00:00Z");
    for (let i = 0; i < 5; i++) expect(await reserveAttempt(t.db, keys, now)).toEqual({ allowed: true });
    expect(await reserveAttempt(t.db, keys, now)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await reserveAttempt(t.db, keys, at("2026-03-01T10:00:01Z"))).toEqual({ allowed: true });
    expect(await reserveAttempt(t.db, keys, at("2026-03-01T10:00:01Z"))).toEqual({
      allowed: false,
      retryAfterSeconds: 2,
    });
    // A refused try is not counted anywhere: the three counters saw six tries.
    expect(await counters(keys)).toEqual({ pair: 6, account: 6, address: 6 });
    // Another account from the same address is not locked: the address has more slack.
    expect(
      await reserveAttempt(t.db, throttleKeys({ email: "other@example.com", address: "10.1.1.1" }), now),
    ).toEqual({ allowed: true });
  });

  it("a success clears the account's counters and gives the address its try back", async () => {
    const keys = throttleKeys({ email: "lucky@example.com", address: "10.2.2.2" });
    const now = at("2026-03-01T10:00:00Z");
    for (let i = 0; i < 5; i++) await reserveAttempt(t.db, keys, now);
    await settleSuccess(t.db, keys);
    expect(await counters(keys)).toEqual({ address: 4 });
    expect(await secondsUntilAllowed(t.db, keys, now)).toBe(0);
    expect(await reserveAttempt(t.db, keys, now)).toEqual({ allowed: true });
  });

  it("forgets failures after a quiet hour", async () => {
    const keys = throttleKeys({ email: "forgetful@example.com", address: null });
    const start = at("2026-03-01T10:00:00Z");
    for (let i = 0; i < 5; i++) await reserveAttempt(t.db, keys, start);
    expect(await secondsUntilAllowed(t.db, keys, start)).toBe(1);
    const later = at("2026-03-01T10:00:00Z", 61 * 60);
    expect(await reserveAttempt(t.db, keys, later)).toEqual({ allowed: true });
    expect(await counters(keys)).toEqual({ pair: 1, account: 1 });
  });

  it("fifty parallel tries for one account get exactly the free allowance", async () => {
    const keys = throttleKeys({ email: "parallel@example.com", address: "10.3.3.3" });
    const now = at("2026-03-01T10:00:00Z");
    const results = await Promise.all(Array.from({ length: 50 }, () => reserveAttempt(t.db, keys, now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect(await counters(keys)).toEqual({ pair: 5, account: 5, address: 5 });
    // Tries spread over fifty addresses still meet the account ceiling, which only slows.
    const spread = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        reserveAttempt(t.db, throttleKeys({ email: "spread@example.com", address: `10.4.0.${i}` }), now),
      ),
    );
    expect(spread.filter((r) => r.allowed)).toHaveLength(50);
    expect(spread.find((r) => !r.allowed)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });
});
