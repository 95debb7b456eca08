import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/db/schema/enums";
import { type Actor, can } from "./actor";
import { PERMISSIONS, type Permission, roleHas, scopeAllows, TOKEN_SCOPES } from "./permissions";

const RANK: Record<Role, number> = { viewer: 0, engineer: 1, change_manager: 2, admin: 3 };
const user = (role: Role, scopes?: string[]): Actor => ({
  kind: "user",
  via: scopes ? "api" : "web",
  user: { id: "u", email: "u@example.com", name: "U", role },
  token: scopes ? { id: "t", scopes } : undefined,
});

describe("the permission table", () => {
  const entries = Object.entries(PERMISSIONS) as [Permission, (typeof PERMISSIONS)[Permission]][];

  it.each(entries)("%s is granted to a role and every role above it", (permission, rule) => {
    expect(rule.roles.length).toBeGreaterThan(0);
    const lowest = Math.min(...rule.roles.map((r) => RANK[r]));
    for (const role of ROLES) expect(roleHas(role, permission)).toBe(RANK[role] >= lowest);
  });

  it("admins hold every permission; viewers hold only reads and their own tokens", () => {
    for (const [permission] of entries) expect(roleHas("admin", permission)).toBe(true);
    const viewer = entries.filter(([p]) => roleHas("viewer", p)).map(([p]) => p);
    expect(viewer.sort()).toEqual(["catalog.read", "profile.read", "token.manage_own", "user.read"]);
  });

  it("states the rules DESIGN.md names", () => {
    expect(roleHas("engineer", "service.create")).toBe(true);
    expect(roleHas("engineer", "change.approve")).toBe(false);
    expect(roleHas("change_manager", "change.approve")).toBe(true);
    expect(roleHas("change_manager", "freeze.manage")).toBe(true);
    expect(roleHas("change_manager", "user.manage")).toBe(false);
    expect(roleHas("engineer", "audit.read")).toBe(false);
  });
});

describe("can()", () => {
  it("denies nobody-at-all", () => {
    expect(can(null, "catalog.read")).toBe(false);
    expect(can(undefined, "catalog.read")).toBe(false);
  });

  it("lets the operator CLI do anything", () => {
    expect(can({ kind: "system", via: "cli", label: "cli" }, "user.manage")).toBe(true);
  });

  it("limits a token to both its owner's role and its scopes", () => {
    expect(can(user("admin", ["read"]), "user.manage")).toBe(false);
    expect(can(user("admin", ["admin"]), "user.manage")).toBe(true);
    expect(can(user("viewer", ["admin"]), "user.manage")).toBe(false);
    expect(can(user("engineer", ["write"]), "service.create")).toBe(true);
    expect(can(user("engineer", ["read"]), "service.create")).toBe(false);
    expect(can(user("engineer", ["read"]), "catalog.read")).toBe(true);
  });

  it("ranks scopes: admin implies write implies read, and unknown scopes grant nothing", () => {
    for (const scope of TOKEN_SCOPES) expect(scopeAllows([scope], "catalog.read")).toBe(true);
    expect(scopeAllows(["write"], "user.manage")).toBe(false);
    expect(scopeAllows(["superuser"], "catalog.read")).toBe(false);
    expect(scopeAllows([], "catalog.read")).toBe(false);
  });
});
