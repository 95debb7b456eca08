import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { levelShares, servicesWithUnmeasuredLevels } from "./rollup-math";

describe("level shares", () => {
  it("round to whole percent that always add up to 100", () => {
    expect(levelShares({ gold: 1, silver: 1, bronze: 1 }, 3)).toEqual({
      gold: 34,
      silver: 33,
      bronze: 33,
      none: 0,
    });
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 500 }), { minLength: 4, maxLength: 4 }),
        ([gold, silver, bronze, none]) => {
          const total = gold + silver + bronze + none;
          const shares = levelShares({ gold, silver, bronze, none }, total);
          const sum = Object.values(shares).reduce((a, b) => a + b, 0);
          expect(sum).toBe(total === 0 ? 0 : 100);
          if (total > 0 && gold === 0) expect(shares.gold).toBe(0);
        },
      ),
    );
  });

  it("count the services whose level rests on unmeasured rules: none, now that SLOs and action items are measured", () => {
    expect(servicesWithUnmeasuredLevels({ gold: 4, silver: 2, bronze: 7, none: 1 })).toBe(0);
    expect(servicesWithUnmeasuredLevels({ bronze: 3 })).toBe(0);
  });
});
