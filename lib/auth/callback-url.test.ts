import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

describe("safeCallbackPath", () => {
  it.each([
    ["/services?tier=tier0#top", "/services?tier=tier0#top"],
    ["/", "/"],
    ["//evil.example/x", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example/", "/"],
    ["javascript:alert(1)", "/"],
    ["/login?callbackUrl=/x", "/"],
    ["/api/auth/signout", "/"],
    ["/a\nb", "/"],
    ["", "/"],
  ])("%j → %j", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it("ignores non-strings", () => {
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(["/x"])).toBe("/");
  });

  it("never returns anything that leaves the site", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.webUrl(), (s, url) => {
        for (const candidate of [s, url, `/${s}`, `//${s}`]) {
          const out = safeCallbackPath(candidate);
          expect(out.startsWith("/")).toBe(true);
          expect(out.startsWith("//")).toBe(false);
          expect(new URL(out, "http://pharos.test").origin).toBe("http://pharos.test");
        }
      }),
    );
  });
});
