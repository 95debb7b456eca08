import type { Role } from "@/db/schema/enums";

/** What a token's scopes are about; each later domain fills its own in. */
export const RESOURCES = ["catalog", "slo", "incidents", "changes", "people", "reports", "admin"] as const;
export type Resource = (typeof RESOURCES)[number];
export type Access = "read" | "write";

/**
 * Token scopes: `<resource>:read|write`, the shorthands `read` and `write` (every resource
 * but admin — the meaning tokens made before per-resource scopes had) and `admin` (all of
 * it), and narrow scopes for one job, such as `slo:measurements` for a CI pipeline that may
 * push SLO measurements and nothing else.
 */
export const SHORTHAND_SCOPES = ["read", "write", "admin"] as const;
export const NARROW_SCOPES = ["slo:measurements"] as const;
export const RESOURCE_SCOPES = RESOURCES.flatMap((r) => [`${r}:read`, `${r}:write`] as const);
export const TOKEN_SCOPES = [...SHORTHAND_SCOPES, ...RESOURCE_SCOPES, ...NARROW_SCOPES] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** A permission's scope: what a token must carry to use it. `any` is any valid token (who am I). */
type NeededScope = `${Resource}:${Access}` | (typeof NARROW_SCOPES)[number] | "any";

const everyone: readonly Role[] = ["viewer", "engineer", "change_manager", "admin"];
const engineers: readonly Role[] = ["engineer", "change_manager", "admin"];
const changeManagers: readonly Role[] = ["change_manager", "admin"];
const admins: readonly Role[] = ["admin"];

type Rule = {
  roles: readonly Role[];
  scope: NeededScope;
  /** A person acting on their own account (their tokens): it does not make a role "write-capable". */
  self?: true;
};

/**
 * The one role → permission table. Every command and query names one of these keys and
 * the server checks it; the UI only uses it to hide what would fail. `scope` is what an
 * API token additionally needs to carry to use the permission.
 */
export const PERMISSIONS = {
  "catalog.read": { roles: everyone, scope: "catalog:read" },
  "service.create": { roles: engineers, scope: "catalog:write" },
  "service.update": { roles: engineers, scope: "catalog:write" },
  "service.update_any": { roles: admins, scope: "catalog:write" },
  "slo.read": { roles: everyone, scope: "slo:read" },
  // Engineers of the owning team (or an admin): the commands check the team.
  "slo.create": { roles: engineers, scope: "slo:write" },
  "slo.update": { roles: engineers, scope: "slo:write" },
  "slo.adjust": { roles: engineers, scope: "slo:write" },
  "slo.update_any": { roles: admins, scope: "slo:write" },
  "slo.measurements.write": { roles: engineers, scope: "slo:measurements" },
  "slo.measurements.write_any": { roles: admins, scope: "slo:measurements" },
  "incident.read": { roles: everyone, scope: "incidents:read" },
  // Incident response crosses team lines: any engineer may declare and work any incident.
  "incident.declare": { roles: engineers, scope: "incidents:write" },
  "incident.update": { roles: engineers, scope: "incidents:write" },
  "postmortem.write": { roles: engineers, scope: "incidents:write" },
  // Only the named reviewers approve; the command checks the name.
  "postmortem.review": { roles: engineers, scope: "incidents:write" },
  "problem.manage": { roles: engineers, scope: "incidents:write" },
  "action_item.manage": { roles: engineers, scope: "incidents:write" },
  "change.approve": { roles: changeManagers, scope: "changes:write" },
  "freeze.manage": { roles: changeManagers, scope: "changes:write" },
  "profile.read": { roles: everyone, scope: "any" },
  // Signing in (recording it, or provisioning an SSO account at sign-in) and accepting an
  // invite are writes on one's own account, reached only from the sign-in and invite pages;
  // they are not reads, so they do not borrow `profile.read`.
  "session.sign_in": { roles: everyone, scope: "admin:write", self: true },
  "invite.accept": { roles: everyone, scope: "admin:write", self: true },
  "session.manage_own": { roles: everyone, scope: "admin:write", self: true },
  "token.manage_own": { roles: everyone, scope: "admin:write", self: true },
  // Saved views and one's own column choice: how a person looks at lists, not catalog data.
  "view.manage_own": { roles: everyone, scope: "catalog:write", self: true },
  "token.manage_any": { roles: admins, scope: "admin:write" },
  "user.read": { roles: everyone, scope: "people:read" },
  "user.manage": { roles: admins, scope: "admin:write" },
  "team.manage": { roles: admins, scope: "admin:write" },
  "audit.read": { roles: admins, scope: "admin:read" },
  // Webhooks send Pharos's events to other systems: who receives them is an admin's choice,
  // and their URLs (and delivery logs) can name internal systems, so reading is admin-only too.
  "webhook.read": { roles: admins, scope: "admin:read" },
  "webhook.manage": { roles: admins, scope: "admin:write" },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;

const rule = (permission: Permission): Rule => PERMISSIONS[permission];

export function roleHas(role: Role, permission: Permission): boolean {
  return rule(permission).roles.includes(role);
}

/** Whether one scope a token carries covers what `needed` asks for. */
function covers(scope: string, needed: NeededScope): boolean {
  if (needed === "any") return true;
  if (scope === needed || scope === "admin") return true;
  if (needed === "slo:measurements") return scope === "slo:write" || scope === "write";
  const [resource, access] = needed.split(":") as [Resource, Access];
  if (scope === `${resource}:write`) return true;
  if (resource === "admin") return false;
  return scope === "write" || (scope === "read" && access === "read");
}

export function scopeAllows(scopes: readonly string[], permission: Permission): boolean {
  const needed = rule(permission).scope;
  return scopes.some((scope) => covers(scope, needed));
}

/**
 * The scopes worth offering a person of `role` when they make a token: those that unlock
 * something the role may do (its own-account permissions aside), so a viewer is never
 * offered a write scope. A token never exceeds its owner's role either way: `can` checks both.
 */
export function scopesForRole(role: Role): TokenScope[] {
  const held = (Object.keys(PERMISSIONS) as Permission[]).filter(
    (p) => roleHas(role, p) && !rule(p).self && rule(p).scope !== "any",
  );
  const heldScopes = new Set(held.map((p) => rule(p).scope));
  const hasWriteOn = (pred: (resource: string) => boolean) =>
    [...heldScopes].some((s) => s.endsWith(":write") && pred(s.split(":")[0]));
  return TOKEN_SCOPES.filter((scope) => {
    if (scope === "read") return true;
    if (scope === "write") return hasWriteOn((r) => r !== "admin");
    if (scope === "admin") return [...heldScopes].some((s) => s.startsWith("admin:"));
    return held.some(
      (p) => covers(scope, rule(p).scope) && scopeStrength(scope) <= scopeStrength(rule(p).scope),
    );
  });
}

/** Read scopes are weaker than write ones: `catalog:write` is only offered to who may write the catalog. */
function scopeStrength(scope: string): number {
  return scope.endsWith(":read") ? 0 : 1;
}

export const SCOPE_LABELS: Record<TokenScope, string> = Object.fromEntries(
  TOKEN_SCOPES.map((scope) => [
    scope,
    scope === "read"
      ? "Read everything (but admin)"
      : scope === "write"
        ? "Read and write everything (but admin)"
        : scope === "admin"
          ? "Everything your role allows"
          : scope === "slo:measurements"
            ? "Push SLO measurements only"
            : scope,
  ]),
) as Record<TokenScope, string>;

export const ROLE_LABELS: Record<Role, string> = {
  viewer: "Viewer",
  engineer: "Engineer",
  change_manager: "Change manager",
  admin: "Admin",
};
