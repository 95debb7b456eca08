import { describe, expect, it } from "vitest";
import { suggestionReason } from "./suggestion-words";

const on = (days: number[]) =>
  days.map((d) => ({ declaredAt: new Date(Date.UTC(2026, 0, 1 + d)).toISOString() }));

describe("why a problem is suggested", () => {
  it("says how many incidents, where and over how long for similar titles", () => {
    expect(
      suggestionReason({
        kind: "similar_titles",
        cause: null,
        service: { slug: "checkout-api" },
        incidents: on([0, 30, 62]),
      }),
    ).toBe("3 incidents on checkout-api with similar titles within 62 days");
  });

  it("names the shared cause", () => {
    expect(
      suggestionReason({
        kind: "same_cause",
        cause: "bad deploy",
        service: { slug: "event-bus" },
        incidents: on([3, 3, 4, 4]),
      }),
    ).toBe("4 incidents on event-bus within 1 day, same cause: bad deploy");
  });

  it("never says zero days, even for incidents on one afternoon", () => {
    expect(
      suggestionReason({
        kind: "similar_titles",
        cause: null,
        service: { slug: "a" },
        incidents: on([5, 5, 5]),
      }),
    ).toMatch(/within 1 day$/);
  });
});
