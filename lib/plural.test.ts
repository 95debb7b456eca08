import { describe, expect, it } from "vitest";
import { plural } from "./plural";

const member = { one: "member", other: "members" };

describe("plural", () => {
  it("uses the singular for exactly one and the plural otherwise, zero included", () => {
    expect(plural(1, member)).toBe("1 member");
    expect(plural(2, member)).toBe("2 members");
    expect(plural(0, member)).toBe("0 members");
    expect(plural(1.5, member)).toBe("1.5 members");
  });

  it("keeps irregular forms as given", () => {
    expect(plural(3, { one: "service's level", other: "services' levels" })).toBe("3 services' levels");
  });
});
