import { describe, expect, it } from "vitest";
import { IMPORT_ACTION_BODY_BYTES, MAX_IMPORT_BYTES, tooLargeMessage, uploadSizeProblem } from "./limits";

describe("the import size limit", () => {
  it("lets a file of exactly the limit through, even one made only of line breaks and quotes", () => {
    expect(uploadSizeProblem("a: 1\n".repeat(1000))).toBeNull();
    expect(uploadSizeProblem("\n".repeat(MAX_IMPORT_BYTES))).toBeNull();
    expect(uploadSizeProblem('"'.repeat(MAX_IMPORT_BYTES))).toBeNull();
    // JSON doubles each of them, and the server action's body limit still holds it.
    expect(JSON.stringify(["\n".repeat(MAX_IMPORT_BYTES)]).length).toBeLessThanOrEqual(
      IMPORT_ACTION_BODY_BYTES,
    );
  });

  it("counts UTF-8 bytes, not characters, and says how large the file is", () => {
    const euros = "€".repeat(Math.ceil(MAX_IMPORT_BYTES / 3) + 1);
    expect(euros.length).toBeLessThan(MAX_IMPORT_BYTES);
    expect(uploadSizeProblem(euros)).toBe(tooLargeMessage(new Blob([euros]).size));
    expect(tooLargeMessage(63 * 1024 * 1024 + 300_000)).toBe(
      "This file is 63.3 MB; files are limited to 50 MB. Split the catalog into smaller files.",
    );
  });

  it("refuses a file that only escaping would push over the action's body limit", () => {
    expect(uploadSizeProblem("\u0001".repeat(20 * 1024 * 1024))).toMatch(/once encoded/);
  });
});
