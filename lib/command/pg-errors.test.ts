import { describe, expect, it } from "vitest";
import { badInputError, uniqueViolation } from "./pg-errors";

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

describe("badInputError", () => {
  it("reads each bad-input SQLSTATE as the caller's mistake, with a message for people", () => {
    for (const code of ["22021", "22P05", "22008", "22007", "22P02", "22003", "22001"]) {
      const found = badInputError({ code });
      expect(found?.code).toBe(code);
      expect(found?.message).toMatch(/^A (value|date|number)/);
    }
    expect(badInputError({ code: "22021" })?.message).toContain("NUL");
    expect(badInputError({ code: "22008" })?.message).toContain("range");
  });

  it("finds the code under a driver's wrapping, and leaves everything else alone", () => {
    const wrapped = Object.assign(new Error("Failed query: insert …"), { cause: { code: "22P02" } });
    expect(badInputError(wrapped)?.code).toBe("22P02");
    for (const other of [
      { code: "23505" },
      { code: "40P01" },
      { code: "57014" },
      new Error("boom"),
      null,
      "22021",
    ])
      expect(badInputError(other)).toBeNull();
  });
});
