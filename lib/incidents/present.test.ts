import { describe, expect, it } from "vitest";
import { duration } from "./present";

describe("duration", () => {
  it("reads in the largest sensible units", () => {
    expect(duration(45)).toBe("45 s");
    expect(duration(60 * 45)).toBe("45 m");
    expect(duration(3600 * 2 + 300)).toBe("2 h 05 m");
    expect(duration(86400 * 3 + 3600 * 4)).toBe("3 d 4 h");
    expect(duration(null)).toBe("–");
  });
});
