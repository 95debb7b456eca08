import { describe, expect, it } from "vitest";
import { linkRows, postmortemFormInput, problemFormInput, splitList } from "./form-values";

describe("form lists", () => {
  it("splits what people type into a list", () => {
    expect(splitList("ada@x.io, lin@x.io;\nmo@x.io ")).toEqual(["ada@x.io", "lin@x.io", "mo@x.io"]);
    expect(splitList(["INC-4", "INC-5 INC-6"])).toEqual(["INC-4", "INC-5", "INC-6"]);
    expect(splitList("  ")).toEqual([]);
  });

  it("zips link rows and drops blank ones", () => {
    expect(
      linkRows({ linkLabel: ["Dashboard", "", ""], linkUrl: ["https://d.example", "", "https://x.example"] }),
    ).toEqual([
      { label: "Dashboard", url: "https://d.example" },
      { label: "", url: "https://x.example" },
    ]);
  });

  it("leaves out what the form did not send, so a partial form changes only its own fields", () => {
    expect(postmortemFormInput({ id: "x", version: "2", summary: "S" })).toEqual({
      id: "x",
      version: "2",
      summary: "S",
    });
    expect(postmortemFormInput({ reviewers: "a@x.io b@x.io", linkLabel: "L", linkUrl: "https://l" })).toEqual(
      {
        reviewers: ["a@x.io", "b@x.io"],
        links: [{ label: "L", url: "https://l" }],
      },
    );
    // An emptied reviewers box is an empty list, not "unchanged".
    expect(postmortemFormInput({ reviewers: "" })).toEqual({ reviewers: [] });
    expect(problemFormInput({ title: "T", incidents: "INC-1, 2" })).toEqual({
      title: "T",
      incidents: ["INC-1", "2"],
    });
  });
});
