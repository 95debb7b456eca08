import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kindOf, lockoutSeconds, THROTTLE, throttleKeys } from "./throttle-policy";

describe("sign-in throttle policy", () => {
  it("lets the first few failures through and then doubles the wait", () => {
    expect([0, 1, 4].map((n) => lockoutSeconds(n, "email"))).toEqual([0, 0, 0]);
    expect([5, 6, 7, 10].map((n) => lockoutSeconds(n, "email"))).toEqual([1, 2, 4, 32]);
    expect(lockoutSeconds(29, "ip")).toBe(0);
    expect(lockoutSeconds(30, "ip")).toBe(1);
  });

  it("never waits less after more failures, and never more than the cap", () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.constantFrom("email" as const, "ip" as const), (n, kind) => {
        const a = lockoutSeconds(n, kind);
        expect(lockoutSeconds(n + 1, kind)).toBeGreaterThanOrEqual(a);
        expect(a).toBeLessThanOrEqual(THROTTLE.maxDelaySeconds);
        expect(a).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("keys by normalised account and, when known, by address", () => {
    expect(throttleKeys(" Sam@Example.COM ", "10.0.0.1")).toEqual(["email:sam@example.com", "ip:10.0.0.1"]);
    expect(throttleKeys("sam@example.com", null)).toEqual(["email:sam@example.com"]);
    expect(kindOf("ip:1.2.3.4")).toBe("ip");
    expect(kindOf("email:x")).toBe("email");
  });
});
