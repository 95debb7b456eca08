import { ROLES, type Role } from "@/db/schema/enums";

const RANK: Record<Role, number> = { viewer: 0, engineer: 1, change_manager: 2, admin: 3 };

/**
 * Parses `OIDC_ROLE_MAPPING`, e.g. `pharos-admins=admin,cab=change_manager,sre=engineer`.
 * Unknown roles are a configuration error and are reported, not ignored.
 */
export function parseRoleMapping(spec: string): Map<string, Role> {
  const mapping = new Map<string, Role>();
  for (const part of spec.split(",")) {
    const entry = part.trim();
    if (!entry) continue;
    const eq = entry.lastIndexOf("=");
    const group = entry.slice(0, eq).trim();
    const role = entry.slice(eq + 1).trim();
    if (eq <= 0 || !group || !(ROLES as readonly string[]).includes(role)) {
      throw new Error(
        `OIDC_ROLE_MAPPING entry "${entry}" must look like group=role with role one of ${ROLES.join(", ")}`,
      );
    }
    mapping.set(group, role as Role);
  }
  return mapping;
}

/** The highest role any of the user's groups maps to, or the default. */
export function roleFromGroups(claim: unknown, mapping: Map<string, Role>, defaultRole: Role): Role {
  const groups = Array.isArray(claim) ? claim : typeof claim === "string" ? claim.split(/[\s,]+/) : [];
  let best = defaultRole;
  for (const group of groups) {
    const role = typeof group === "string" ? mapping.get(group) : undefined;
    if (role && RANK[role] > RANK[best]) best = role;
  }
  return best;
}
