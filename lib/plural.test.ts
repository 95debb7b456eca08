import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plural, pluralWord } from "./plural";

const member = { one: "member", other: "members" };

describe("plural", () => {
  it("uses the singular for exactly one and the plural otherwise", () => {
    expect(plural(1, member)).toBe("1 member");
    expect(plural(0, member)).toBe("0 members");
    expect(plural(2, member)).toBe("2 members");
    expect(plural(1.5, member)).toBe("1.5 members");
  });

  it("writes large counts with grouping", () => {
    expect(plural(10_000, { one: "service", other: "services" })).toBe("10,000 services");
  });

  it("is singular for one and no other count", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => {
        expect(pluralWord(n, member)).toBe(n === 1 ? "member" : "members");
      }),
    );
  });
});
