import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/db/schema/enums";
import { type Actor, can } from "./actor";
import {
  PERMISSIONS,
  type Permission,
  RESOURCES,
  roleHas,
  SCOPE_LABELS,
  scopeAllows,
  scopesForRole,
  TOKEN_SCOPES,
} from "./permissions";

const RANK: Record<Role, number> = { viewer: 0, engineer: 1, change_manager: 2, admin: 3 };
const user = (role: Role, scopes?: string[]): Actor => ({
  kind: "user",
  via: scopes ? "api" : "web",
  user: { id: "u", email: "u@example.com", name: "U", role },
  token: scopes ? { id: "t", scopes } : undefined,
});

const entries = Object.entries(PERMISSIONS) as [Permission, (typeof PERMISSIONS)[Permission]][];
const permissions = entries.map(([p]) => p);
const allowedBy = (scopes: string[]) => permissions.filter((p) => scopeAllows(scopes, p));

/** Permissions that make a token useful: not "who am I" (any token) and not own-account housekeeping. */
const substantive = entries.filter(([, r]) => r.scope !== "any" && !("self" in r)).map(([p]) => p);

/** Anything a token might carry: real scopes, near misses and noise. */
const scopeLike = fc.oneof(
  fc.constantFrom(...TOKEN_SCOPES),
  fc.constantFrom("READ", " read", "read ", "catalog:READ", "admin:", ":write", "slo:*", "*", "all", "root"),
  fc.string({ maxLength: 20 }),
);

describe("the permission table", () => {
  it.each(entries)("%s is granted to a role and every role above it", (permission, rule) => {
    expect(rule.roles.length).toBeGreaterThan(0);
    const lowest = Math.min(...rule.roles.map((r) => RANK[r]));
    for (const role of ROLES) expect(roleHas(role, permission)).toBe(RANK[role] >= lowest);
  });

  it("admins hold every permission; viewers hold only reads and their own account", () => {
    for (const permission of permissions) expect(roleHas("admin", permission)).toBe(true);
    const viewer = permissions.filter((p) => roleHas("viewer", p));
    expect(viewer.sort()).toEqual([
      "catalog.read",
      "incident.read",
      "invite.accept",
      "profile.read",
      "session.manage_own",
      "session.sign_in",
      "slo.read",
      "token.manage_own",
      "user.read",
      "view.manage_own",
    ]);
  });

  it("states the rules DESIGN.md names", () => {
    expect(roleHas("engineer", "service.create")).toBe(true);
    expect(roleHas("engineer", "change.approve")).toBe(false);
    expect(roleHas("change_manager", "change.approve")).toBe(true);
    expect(roleHas("change_manager", "freeze.manage")).toBe(true);
    expect(roleHas("change_manager", "user.manage")).toBe(false);
    expect(roleHas("engineer", "audit.read")).toBe(false);
  });

  it("gives no write the scope of a read: a write needs a write scope", () => {
    for (const [permission, rule] of entries) {
      const isRead = permission.endsWith(".read");
      if (isRead) expect(rule.scope === "any" || rule.scope.endsWith(":read")).toBe(true);
      else expect(rule.scope).not.toMatch(/:read$|^any$/);
    }
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
    expect(can(user("engineer", ["catalog:write"]), "service.create")).toBe(true);
    expect(can(user("engineer", ["catalog:write"]), "slo.measurements.write")).toBe(false);
    expect(can(user("viewer", ["catalog:write"]), "service.create")).toBe(false);
  });

  it("never lets a token exceed its owner's role, whatever it carries (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLES),
        fc.array(scopeLike, { maxLength: 6 }),
        fc.constantFrom(...permissions),
        (role, scopes, permission) => {
          const viaToken = can(user(role, scopes), permission);
          if (viaToken) {
            expect(roleHas(role, permission)).toBe(true);
            expect(can(user(role), permission)).toBe(true);
          }
          expect(viaToken).toBe(roleHas(role, permission) && scopeAllows(scopes, permission));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("adding a scope never takes a permission away (monotone, property)", () => {
    fc.assert(
      fc.property(fc.array(scopeLike, { maxLength: 5 }), scopeLike, (scopes, extra) => {
        for (const p of allowedBy(scopes)) expect(scopeAllows([...scopes, extra], p)).toBe(true);
      }),
    );
  });
});

describe("token scopes", () => {
  /** The table before per-resource scopes: each permission that existed, and the scope it needed. */
  const BEFORE: Record<string, "read" | "write" | "admin"> = {
    "catalog.read": "read",
    "service.create": "write",
    "service.update": "write",
    "service.update_any": "write",
    "change.approve": "write",
    "freeze.manage": "write",
    "profile.read": "read",
    "token.manage_own": "admin",
    "token.manage_any": "admin",
    "user.read": "read",
    "user.manage": "admin",
    "team.manage": "admin",
    "audit.read": "admin",
  };
  const STRENGTH = { read: 0, write: 1, admin: 2 } as const;

  it.each(["read", "write", "admin"] as const)(
    "a token made before per-resource scopes with `%s` keeps exactly its old meaning",
    (scope) => {
      for (const [permission, needed] of Object.entries(BEFORE)) {
        expect(scopeAllows([scope], permission as Permission), `${scope} → ${permission}`).toBe(
          STRENGTH[scope] >= STRENGTH[needed],
        );
      }
    },
  );

  it("`read` is every non-admin read, `write` every non-admin read and write, `admin` everything", () => {
    for (const [permission, rule] of entries) {
      const [resource, access] = rule.scope.split(":");
      const nonAdmin = rule.scope === "any" || resource !== "admin";
      expect(scopeAllows(["read"], permission), permission).toBe(
        rule.scope === "any" || (nonAdmin && access === "read"),
      );
      expect(scopeAllows(["write"], permission), permission).toBe(nonAdmin);
      expect(scopeAllows(["admin"], permission), permission).toBe(true);
    }
  });

  it.each(RESOURCES)("%s:write implies %s:read, and each reaches only its own resource", (resource) => {
    const read = allowedBy([`${resource}:read`]);
    const write = allowedBy([`${resource}:write`]);
    for (const p of read) expect(write).toContain(p);
    for (const p of write) {
      const scope = PERMISSIONS[p].scope;
      expect(
        scope === "any" ||
          scope.startsWith(`${resource}:`) ||
          (resource === "slo" && scope === "slo:measurements"),
        `${resource}:write → ${p}`,
      ).toBe(true);
    }
    for (const p of read) expect(["any", `${resource}:read`]).toContain(PERMISSIONS[p].scope);
  });

  it("`slo:measurements` allows pushing measurements and nothing else (a CI token)", () => {
    expect(allowedBy(["slo:measurements"]).filter((p) => PERMISSIONS[p].scope !== "any")).toEqual([
      "slo.measurements.write",
      "slo.measurements.write_any",
    ]);
    expect(can(user("engineer", ["slo:measurements"]), "slo.measurements.write_any")).toBe(false);
    expect(can(user("engineer", ["slo:measurements"]), "slo.measurements.write")).toBe(true);
    expect(can(user("engineer", ["slo:measurements"]), "catalog.read")).toBe(false);
    expect(can(user("viewer", ["slo:measurements"]), "slo.measurements.write")).toBe(false);
  });

  it("unknown scopes grant nothing but what any valid token may (who am I)", () => {
    fc.assert(
      fc.property(
        fc.array(
          scopeLike.filter((s) => !(TOKEN_SCOPES as readonly string[]).includes(s)),
          { maxLength: 5 },
        ),
        (scopes) => {
          const granted = allowedBy(scopes);
          expect(granted.every((p) => PERMISSIONS[p].scope === "any")).toBe(true);
          if (!scopes.length) expect(granted).toEqual([]);
        },
      ),
    );
    expect(allowedBy(["superuser"])).toEqual(["profile.read"]);
    expect(allowedBy([])).toEqual([]);
  });
});

describe("scopesForRole", () => {
  const writeScope = (s: string) =>
    s === "write" || s === "admin" || s.endsWith(":write") || s === "slo:measurements";

  it("offers a viewer no write scope", () => {
    const offered = scopesForRole("viewer");
    expect(offered.filter(writeScope)).toEqual([]);
    expect(offered).toContain("read");
    for (const scope of offered) {
      for (const p of allowedBy([scope])) {
        if (PERMISSIONS[p].scope !== "any") expect(roleHas("viewer", p), `${scope} → ${p}`).toBe(true);
      }
    }
  });

  it.each(ROLES)(
    "offers %s only scopes that unlock something it may do, and every such permission",
    (role) => {
      const offered = scopesForRole(role);
      for (const scope of offered) {
        expect(TOKEN_SCOPES).toContain(scope);
        expect(
          substantive.some((p) => roleHas(role, p) && scopeAllows([scope], p)),
          scope,
        ).toBe(true);
      }
      // Whatever the role may do through the API, some offered scope reaches.
      for (const p of substantive.filter((p) => roleHas(role, p))) {
        expect(
          offered.some((s) => scopeAllows([s], p)),
          p,
        ).toBe(true);
      }
    },
  );

  it("offers write scopes only to roles that may write there", () => {
    for (const role of ROLES) {
      for (const scope of scopesForRole(role).filter((s) => s.endsWith(":write"))) {
        const resource = scope.split(":")[0];
        const writes = substantive.filter((p) => {
          const needed = PERMISSIONS[p].scope;
          return roleHas(role, p) && needed.startsWith(`${resource}:`) && !needed.endsWith(":read");
        });
        expect(writes.length, `${role} offered ${scope}`).toBeGreaterThan(0);
      }
    }
    expect(scopesForRole("engineer")).not.toContain("admin");
    expect(scopesForRole("engineer")).toContain("slo:measurements");
    expect(scopesForRole("admin")).toContain("admin");
  });

  it("labels every scope", () => {
    for (const scope of TOKEN_SCOPES) expect(SCOPE_LABELS[scope]).toBeTruthy();
  });
});
