import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { integer } from "./number";

const minutes = integer({ min: 0, max: 525_600 });

describe("integers", () => {
  it("take JSON numbers and the numeric strings forms send", () => {
    expect(minutes.parse(30)).toBe(30);
    expect(minutes.parse("30")).toBe(30);
    expect(minutes.parse(" 45 ")).toBe(45);
    expect(minutes.parse("+0")).toBe(0);
    fc.assert(fc.property(fc.integer({ min: 0, max: 525_600 }), (n) => minutes.parse(String(n)) === n));
  });

  it("refuse what only looks like a number to Number()", () => {
    // [] and "" would be 0, true 1, "0x1f" 31 and 1e400 Infinity under z.coerce.number().
    for (const value of [
      [],
      [5],
      true,
      false,
      {},
      null,
      "",
      " ",
      "12abc",
      "0x1f",
      "1e3",
      "Infinity",
      Number.POSITIVE_INFINITY,
      Number.NaN,
    ]) {
      const result = minutes.safeParse(value);
      expect(result.success, JSON.stringify(value)).toBe(false);
      expect(result.error?.issues[0].message).toBe("Use a whole number, e.g. 30.");
    }
  });

  it("refuse fractions and values out of range with their own messages", () => {
    expect(minutes.safeParse(1.5).error?.issues[0].message).toBe("Use a whole number.");
    expect(minutes.safeParse("1.5").error?.issues[0].message).toBe("Use a whole number.");
    expect(minutes.safeParse(-1).error?.issues[0].message).toBe("Must be at least 0.");
    expect(minutes.safeParse("600000").error?.issues[0].message).toBe("Must be at most 525,600.");
    expect(minutes.safeParse("99999999999999999999").success).toBe(false);
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (n) => {
        const result = minutes.safeParse(n);
        expect(result.success).toBe(Number.isInteger(n) && n >= 0 && n <= 525_600);
      }),
    );
  });
});
