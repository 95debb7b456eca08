import { describe, expect, it } from "vitest";
import { withTestDatabase } from "@/tests/database";
import { clearFailures, recordFailure, secondsUntilAllowed } from "./throttle";
import { throttleKeys } from "./throttle-policy";

const t = withTestDatabase();

describe("sign-in throttle", () => {
  it("locks an account after five failures, doubling, and a success clears the account", async () => {
    const keys = throttleKeys("victim@example.com", "10.1.1.1");
    const now = new Date("2026-03-01T10:00:00Z");
    for (let i = 0; i < 4; i++) await recordFailure(t.db, keys, now);
    expect(await secondsUntilAllowed(t.db, keys, now)).toBe(0);
    await recordFailure(t.db, keys, now);
    expect(await secondsUntilAllowed(t.db, keys, now)).toBe(1);
    await recordFailure(t.db, keys, now);
    expect(await secondsUntilAllowed(t.db, keys, now)).toBe(2);
    expect(await secondsUntilAllowed(t.db, keys, new Date(now.getTime() + 3000))).toBe(0);
    // Another account from the same address is not locked: the address has more slack.
    expect(await secondsUntilAllowed(t.db, throttleKeys("other@example.com", "10.1.1.1"), now)).toBe(0);
    await clearFailures(t.db, keys.slice(0, 1));
    expect(await secondsUntilAllowed(t.db, keys.slice(0, 1), now)).toBe(0);
  });

  it("forgets failures after a quiet hour", async () => {
    const keys = throttleKeys("forgetful@example.com", null);
    const start = new Date("2026-03-01T10:00:00Z");
    for (let i = 0; i < 5; i++) await recordFailure(t.db, keys, start);
    expect(await secondsUntilAllowed(t.db, keys, start)).toBe(1);
    const later = new Date(start.getTime() + 61 * 60 * 1000);
    await recordFailure(t.db, keys, later);
    expect(await secondsUntilAllowed(t.db, keys, later)).toBe(0);
  });

  it("counts concurrent failures without losing any", async () => {
    const keys = throttleKeys("parallel@example.com", null);
    const now = new Date("2026-03-01T10:00:00Z");
    await Promise.all(Array.from({ length: 7 }, () => recordFailure(t.db, keys, now)));
    // 7 failures → 2^(7-5) = 4 seconds.
    expect(await secondsUntilAllowed(t.db, keys, now)).toBe(4);
  });
});
