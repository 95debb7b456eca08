import { describe, expect, it } from "vitest";
import { routeOf } from "./route-label.mjs";

describe("metrics route labels", () => {
  it.each([
    ["/", "/"],
    ["/services?tier=tier0", "/services"],
    ["/services/payments-api", "/services/:id"],
    ["/teams/payments", "/teams/:id"],
    ["/admin/users", "/admin/users"],
    ["/admin/teams/payments", "/admin/teams/:id"],
    ["/api/v1/me", "/api/v1/me"],
    ["/api/v1/users/6b1c-uuid", "/api/v1/users/:id"],
    ["/api/v1/teams/payments/members", "/api/v1/teams/:id/members"],
    ["/_next/static/chunks/x.js", "/_next"],
  ])("%s → %s", (url, label) => {
    expect(routeOf(url)).toBe(label);
  });
});
