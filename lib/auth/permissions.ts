import type { Role } from "@/db/schema/enums";

/** What an API token may be allowed to do; a token can never exceed its owner's role. */
export const TOKEN_SCOPES = ["read", "write", "admin"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

const everyone: readonly Role[] = ["viewer", "engineer", "change_manager", "admin"];
const engineers: readonly Role[] = ["engineer", "change_manager", "admin"];
const changeManagers: readonly Role[] = ["change_manager", "admin"];
const admins: readonly Role[] = ["admin"];

/**
 * The one role → permission table. Every command names one of these keys and the
 * command layer checks it on the server; the UI only uses it to hide what would fail.
 * `scope` is what an API token additionally needs to carry to use the permission.
 */
export const PERMISSIONS = {
  "catalog.read": { roles: everyone, scope: "read" },
  "service.create": { roles: engineers, scope: "write" },
  "service.update": { roles: engineers, scope: "write" },
  "service.update_any": { roles: admins, scope: "write" },
  "change.approve": { roles: changeManagers, scope: "write" },
  "freeze.manage": { roles: changeManagers, scope: "write" },
  "profile.read": { roles: everyone, scope: "read" },
  "token.manage_own": { roles: everyone, scope: "admin" },
  "token.manage_any": { roles: admins, scope: "admin" },
  "user.read": { roles: everyone, scope: "read" },
  "user.manage": { roles: admins, scope: "admin" },
  "team.manage": { roles: admins, scope: "admin" },
  "audit.read": { roles: admins, scope: "admin" },
} as const satisfies Record<string, { roles: readonly Role[]; scope: TokenScope }>;

export type Permission = keyof typeof PERMISSIONS;

export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission].roles as readonly Role[]).includes(role);
}

export function scopeAllows(scopes: readonly string[], permission: Permission): boolean {
  const needed = PERMISSIONS[permission].scope;
  // "admin" implies "write" implies "read", as people expect of scope names.
  const rank: Record<TokenScope, number> = { read: 0, write: 1, admin: 2 };
  return scopes.some((s) => s in rank && rank[s as TokenScope] >= rank[needed]);
}

export const ROLE_LABELS: Record<Role, string> = {
  viewer: "Viewer",
  engineer: "Engineer",
  change_manager: "Change manager",
  admin: "Admin",
};
