import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lockoutSeconds, THROTTLE, type ThrottleKind, throttleKeys } from "./throttle-policy";

const kinds = Object.keys(THROTTLE.kinds) as ThrottleKind[];

describe("sign-in throttle policy", () => {
  it("lets the first few tries through and then doubles the wait", () => {
    expect([0, 1, 4].map((n) => lockoutSeconds(n, "pair"))).toEqual([0, 0, 0]);
    expect([5, 6, 7, 10].map((n) => lockoutSeconds(n, "pair"))).toEqual([1, 2, 4, 32]);
    expect(lockoutSeconds(1000, "pair")).toBe(15 * 60);
    expect(lockoutSeconds(29, "address")).toBe(0);
    expect(lockoutSeconds(30, "address")).toBe(1);
    expect(lockoutSeconds(49, "account")).toBe(0);
  });

  it("the shared counters only slow: they never wait more than a minute", () => {
    expect(lockoutSeconds(10_000, "account")).toBe(60);
    expect(lockoutSeconds(10_000, "address")).toBe(60);
  });

  it("never waits less after more tries, and never more than the cap", () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.constantFrom(...kinds), (n, kind) => {
        const a = lockoutSeconds(n, kind);
        expect(lockoutSeconds(n + 1, kind)).toBeGreaterThanOrEqual(a);
        expect(a).toBeLessThanOrEqual(THROTTLE.kinds[kind].maxDelaySeconds);
        expect(a).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("keys by account and address together, by account, and by address", () => {
    expect(throttleKeys({ email: " Sam@Example.COM ", address: "10.0.0.1" })).toEqual([
      { key: "pair:sam@example.com|10.0.0.1", kind: "pair" },
      { key: "account:sam@example.com", kind: "account" },
      { key: "address:10.0.0.1", kind: "address" },
    ]);
  });

  it("counts IPv6 per /64", () => {
    const a = throttleKeys({ email: "a@x", address: "2001:db8:1:2::1" });
    const b = throttleKeys({ email: "a@x", address: "2001:db8:1:2:ffff::9" });
    expect(a).toEqual(b);
    expect(a[2]).toEqual({ key: "address:2001:db8:1:2::/64", kind: "address" });
  });

  it("an unknown address keys by account only, never by a header", () => {
    expect(throttleKeys({ email: "sam@example.com", address: null })).toEqual([
      { key: "pair:sam@example.com|unknown", kind: "pair" },
      { key: "account:sam@example.com", kind: "account" },
    ]);
  });

  it("from a known address only the pair applies", () => {
    expect(throttleKeys({ email: "sam@example.com", address: "10.0.0.1", knownAddress: true })).toEqual([
      { key: "pair:sam@example.com|10.0.0.1", kind: "pair" },
    ]);
    // Without an address nothing is known: the shared counters stay.
    expect(throttleKeys({ email: "sam@example.com", address: null, knownAddress: true })).toHaveLength(2);
  });
});
