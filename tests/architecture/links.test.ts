import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

describe("links", () => {
  it("go through components/ui/link, where prefetching is opt-in", () => {
    const files = ["app", "components", "lib"].flatMap((dir) =>
      fs
        .readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
        .filter((f) => /\.tsx?$/.test(f))
        .map((f) => path.join(dir, f)),
    );
    const direct = files.filter(
      (f) =>
        f !== path.join("components", "ui", "link.tsx") &&
        /from "next\/link"/.test(fs.readFileSync(path.join(root, f), "utf8")),
    );
    expect(direct).toEqual([]);
    expect(files.length).toBeGreaterThan(50);
  });
});
