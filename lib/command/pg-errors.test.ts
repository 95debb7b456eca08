import { describe, expect, it } from "vitest";
import { uniqueViolation } from "./pg-errors";

describe("uniqueViolation", () => {
  it("names the column of a 23505, also when wrapped in a cause", () => {
    const pg = { code: "23505", detail: "Key (owner_team_id)=(x) already exists." };
    expect(uniqueViolation(pg)).toEqual({
      message: "That ownerTeamId is already taken.",
      fieldErrors: { ownerTeamId: "That ownerTeamId is already taken." },
    });
    expect(
      uniqueViolation(Object.assign(new Error("query failed"), { cause: pg }))?.fieldErrors,
    ).toHaveProperty("ownerTeamId");
  });

  it("ignores other errors", () => {
    expect(uniqueViolation({ code: "23503" })).toBeNull();
    expect(uniqueViolation(new Error("boom"))).toBeNull();
    expect(uniqueViolation(null)).toBeNull();
  });
});
