import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

// Written by bcryptjs (cost 11, `$2b$`; and cost 10 in the `$2a$` form bcryptjs 2 wrote), as the
// users table holds them from before the switch to native hashing.
const BCRYPTJS_2B = "$2b$11$VPURtLY3GOZWP8ERSfSIt.0KFlGFnhaTVESqS.xkSwahg8e9O85Yi";
const BCRYPTJS_2A = "$2a$10$mJvNx4aFszDJ.5Lm4orJH.uNrRS0KkIA6yPAzs9jiZUEJtEc35EvO";

describe("password hashing", () => {
  it("verifies the hashes bcryptjs made", async () => {
    expect(await verifyPassword("existing-password-1", BCRYPTJS_2B)).toBe(true);
    expect(await verifyPassword("existing-password-1", BCRYPTJS_2A)).toBe(true);
    expect(await verifyPassword("existing-password-2", BCRYPTJS_2B)).toBe(false);
  });

  it("hashes with bcrypt cost 11 and never accepts a missing or broken hash", async () => {
    const hash = await hashPassword("a-new-password");
    expect(hash).toMatch(/^\$2b\$11\$/);
    expect(await verifyPassword("a-new-password", hash)).toBe(true);
    expect(await verifyPassword("a-new-password", null)).toBe(false);
    expect(await verifyPassword("a-new-password", "not-a-hash")).toBe(false);
  });

  it("does not block the event loop while it hashes", async () => {
    let last = performance.now();
    let longestGap = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 2);
    await Promise.all(Array.from({ length: 4 }, () => verifyPassword("existing-password-1", BCRYPTJS_2B)));
    clearInterval(timer);
    // A JavaScript bcrypt holds the loop for every hash in turn: ≈ 150 ms each at cost 11 here.
    expect(longestGap).toBeLessThan(200);
  });
});
