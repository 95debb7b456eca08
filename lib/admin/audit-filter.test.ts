import { describe, expect, it } from "vitest";
import { parseAuditFilter } from "./audit-filter";

describe("parseAuditFilter", () => {
  it("reads text filters and whole-day date bounds", () => {
    const params = new URLSearchParams(
      "actor=alex&action=user.create&from=2026-01-01&to=2026-01-31&entityType=user",
    );
    expect(parseAuditFilter((k) => params.get(k) ?? undefined)).toEqual({
      actor: "alex",
      action: "user.create",
      entityType: "user",
      entityId: undefined,
      from: new Date("2026-01-01T00:00:00Z"),
      to: new Date("2026-01-31T23:59:59.999Z"),
    });
  });

  it("ignores dates that do not parse and blank text", () => {
    const f = parseAuditFilter((k) => ({ from: "yesterday-ish", actor: "  " })[k]);
    expect(f.from).toBeUndefined();
    expect(f.actor).toBeUndefined();
  });

  it("ignores text with control characters and dates outside 1970–9999", () => {
    const values: Record<string, string> = {
      actor: "alex\u0000",
      action: "a\nb",
      from: "+275760-09-13",
      to: "0001-01-01",
    };
    const f = parseAuditFilter((k) => values[k]);
    expect(f).toMatchObject({ actor: undefined, action: undefined, from: undefined, to: undefined });
  });
});
