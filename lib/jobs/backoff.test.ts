import { describe, expect, it } from "vitest";
import { retryDelaySeconds, retrySchedule } from "./backoff";

describe("the retry back-off", () => {
  it("doubles from the delay, with up to as much again at random", () => {
    const opts = { retryDelay: 30, retryBackoff: true };
    expect([0, 1, 2, 3].map((n) => retryDelaySeconds(n, opts, () => 0))).toEqual([30, 60, 120, 240]);
    expect([0, 1, 2, 3].map((n) => retryDelaySeconds(n, opts, () => 1))).toEqual([60, 120, 240, 480]);
    expect(retryDelaySeconds(2, opts, () => 0.5)).toBe(180);
  });

  it("stops doubling after 16 steps and waits at least a second", () => {
    const opts = { retryDelay: 1, retryBackoff: true };
    expect(retryDelaySeconds(40, opts, () => 0)).toBe(retryDelaySeconds(15, opts, () => 0));
    expect(retryDelaySeconds(0, { retryDelay: 0, retryBackoff: true }, () => 0)).toBe(1);
  });

  it("waits the fixed delay without back-off", () => {
    expect(retryDelaySeconds(5, { retryDelay: 10, retryBackoff: false })).toBe(10);
  });

  it("lays out the webhook delivery schedule: eight retries over about two to four hours", () => {
    const schedule = retrySchedule({ retryLimit: 8, retryDelay: 30, retryBackoff: true });
    expect(schedule.map((s) => s.minSeconds)).toEqual([30, 60, 120, 240, 480, 960, 1920, 3840]);
    const total = (k: "minSeconds" | "maxSeconds") => schedule.reduce((sum, s) => sum + s[k], 0);
    expect(total("minSeconds") / 3600).toBeCloseTo(2.125, 2);
    expect(total("maxSeconds") / 3600).toBeCloseTo(4.25, 2);
  });
});
