import { describe, expect, it } from "vitest";
import { formInput } from "./form-input";

describe("formInput", () => {
  it("keeps single values as strings and repeated or [] names as arrays", () => {
    const fd = new FormData();
    fd.append("name", "Quinn");
    fd.append("teams[]", "payments");
    fd.append("tags", "a");
    fd.append("tags", "b");
    fd.append("single[]", "only");
    fd.append("$ACTION_ID_abc", "");
    expect(formInput(fd)).toEqual({ name: "Quinn", teams: ["payments"], tags: ["a", "b"], single: ["only"] });
  });

  it("drops files", () => {
    const fd = new FormData();
    fd.append("upload", new Blob(["x"]), "x.txt");
    expect(formInput(fd)).toEqual({ upload: "" });
  });
});
