import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_PAGE_SIZE, parsePaging } from "./paging";

describe("parsePaging", () => {
  it("defaults and computes the offset", () => {
    expect(parsePaging(new URLSearchParams())).toEqual({ page: 1, pageSize: 50, offset: 0 });
    expect(parsePaging(new URLSearchParams("page=3&pageSize=20"))).toEqual({
      page: 3,
      pageSize: 20,
      offset: 40,
    });
  });

  it("always yields a page ≥ 1 and a size within bounds, whatever is sent", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (page, size) => {
        const p = parsePaging(new URLSearchParams({ page, pageSize: size }));
        expect(p.page).toBeGreaterThanOrEqual(1);
        expect(p.pageSize).toBeGreaterThanOrEqual(1);
        expect(p.pageSize).toBeLessThanOrEqual(MAX_PAGE_SIZE);
        expect(p.offset).toBe((p.page - 1) * p.pageSize);
      }),
    );
  });
});
