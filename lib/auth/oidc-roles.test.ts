import { describe, expect, it } from "vitest";
import { parseRoleMapping, roleFromGroups } from "./oidc-roles";

const mapping = parseRoleMapping("pharos-admins=admin, cab=change_manager ,sre=engineer");

describe("OIDC group → role mapping", () => {
  it("takes the highest role any group maps to", () => {
    expect(roleFromGroups(["sre", "cab", "other"], mapping, "viewer")).toBe("change_manager");
    expect(roleFromGroups(["pharos-admins", "sre"], mapping, "viewer")).toBe("admin");
  });

  it("falls back to the default role for unknown or missing groups", () => {
    expect(roleFromGroups(["marketing"], mapping, "viewer")).toBe("viewer");
    expect(roleFromGroups(undefined, mapping, "viewer")).toBe("viewer");
    expect(roleFromGroups(42, mapping, "engineer")).toBe("engineer");
  });

  it("accepts a space- or comma-separated string claim", () => {
    expect(roleFromGroups("other sre", mapping, "viewer")).toBe("engineer");
    expect(roleFromGroups("cab,other", mapping, "viewer")).toBe("change_manager");
  });

  it("rejects a mapping to a role that does not exist", () => {
    expect(() => parseRoleMapping("ops=superuser")).toThrow(/superuser/);
    expect(() => parseRoleMapping("=admin")).toThrow();
    expect(parseRoleMapping("").size).toBe(0);
  });
});
