import { describe, expect, it } from "vitest";
import { ROLES } from "@/db/schema/enums";
import { scopesForRole, TOKEN_SCOPES } from "./permissions";
import { scopeChoices, scopeName } from "./scope-choices";

const flatten = (c: ReturnType<typeof scopeChoices>) => [
  ...c.shorthands.map((o) => o.scope),
  ...c.resources.flatMap((r) => [r.read?.scope, r.write?.scope].filter(Boolean)),
  ...c.narrow.map((o) => o.scope),
];

describe("scopeChoices", () => {
  it.each(ROLES)("shows %s exactly the scopes its role is offered, each once", (role) => {
    const offered = scopesForRole(role);
    const shown = flatten(scopeChoices(offered));
    expect([...shown].sort()).toEqual([...offered].sort());
    expect(new Set(shown).size).toBe(shown.length);
  });

  it("puts shorthands first, then one row per resource, then the CI scope", () => {
    const all = scopeChoices([...TOKEN_SCOPES]);
    expect(all.shorthands.map((o) => o.scope)).toEqual(["read", "write", "admin"]);
    expect(all.resources.map((r) => r.resource)).toEqual([
      "catalog",
      "slo",
      "incidents",
      "changes",
      "people",
      "reports",
      "admin",
    ]);
    expect(all.resources[0]).toMatchObject({
      label: "Catalog",
      read: { scope: "catalog:read", label: "Read" },
      write: { scope: "catalog:write", label: "Read and write" },
    });
    expect(all.narrow).toEqual([
      expect.objectContaining({ scope: "slo:measurements", hint: expect.stringMatching(/CI/) }),
    ]);
    for (const o of [...all.shorthands, ...all.narrow]) expect(o.hint.length).toBeGreaterThan(10);
  });

  it("offers a viewer reading only", () => {
    const viewer = scopeChoices(scopesForRole("viewer"));
    expect(viewer.shorthands.map((o) => o.scope)).toEqual(["read"]);
    expect(viewer.resources.every((r) => r.write === undefined)).toBe(true);
    expect(viewer.narrow).toEqual([]);
  });
});

describe("scopeName", () => {
  it("reads every scope as words, and leaves unknown ones as they are", () => {
    for (const scope of TOKEN_SCOPES) expect(scopeName(scope)).not.toBe(scope);
    expect(scopeName("catalog:write")).toBe("Catalog: read and write");
    expect(scopeName("people:read")).toBe("People: read");
    expect(scopeName("slo:measurements")).toBe("SLO measurements (CI)");
    expect(scopeName("legacy-thing")).toBe("legacy-thing");
    expect(scopeName("catalog:delete")).toBe("catalog:delete");
  });
});
