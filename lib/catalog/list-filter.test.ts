import { describe, expect, it } from "vitest";
import { filterParams, parseCatalogFilter, toPrefixQuery } from "./list-filter";

describe("catalog filters", () => {
  it("parse the URL, dropping values that are not allowed", () => {
    const params = new URLSearchParams(
      "q=pay&tier=tier0&lifecycle=nope&domain=database&tag=PCI&level=gold&stale=1&sort=level",
    );
    const f = parseCatalogFilter((k) => params.get(k) ?? undefined);
    expect(f).toMatchObject({
      q: "pay",
      tier: "tier0",
      lifecycle: undefined,
      domain: "database",
      tag: "pci",
      level: "gold",
      stale: true,
      sort: "level",
    });
    expect(filterParams(f)).toMatchObject({ tier: "tier0", tag: "pci", stale: "1", sort: "level" });
  });

  it("read 'below a level' and 'unowned', and write them back", () => {
    const params = new URLSearchParams("below=silver&unowned=1");
    const f = parseCatalogFilter((k) => params.get(k) ?? undefined);
    expect(f).toMatchObject({ below: "silver", unowned: true });
    expect(filterParams(f)).toMatchObject({ below: "silver", unowned: "1" });
    // Nothing is below "none", and an unknown level is no filter at all.
    expect(parseCatalogFilter((k) => ({ below: "none" })[k]).below).toBeUndefined();
    expect(parseCatalogFilter((k) => ({ below: "platinum" })[k]).below).toBeUndefined();
    expect(filterParams(parseCatalogFilter(() => undefined))).toMatchObject({
      below: undefined,
      unowned: undefined,
    });
  });

  it("default to sorting by name", () => {
    expect(parseCatalogFilter(() => undefined).sort).toBe("name");
    expect(filterParams(parseCatalogFilter(() => undefined)).sort).toBeUndefined();
  });

  it("drop text filters holding control characters, which the database would refuse", () => {
    const values: Record<string, string> = { q: "pay\u0000ments", team: "payments\u0000", tag: "p\tci" };
    expect(parseCatalogFilter((k) => values[k])).toMatchObject({
      q: undefined,
      team: undefined,
      tag: undefined,
    });
  });

  it("turn free text into a safe prefix query", () => {
    expect(toPrefixQuery("Payments API")).toBe("payments:* & api:*");
    expect(toPrefixQuery("a'); drop table--")).toBe("a:* & drop:* & table:*");
    expect(toPrefixQuery("  !!! ")).toBeNull();
  });
});
