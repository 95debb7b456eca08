import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadRoutes, routeOf } from "./route-label.mjs";

/** A routes-manifest.json as `next build` writes it (the parts loadRoutes reads). */
const MANIFEST = {
  caseSensitive: false,
  staticRoutes: ["/", "/login", "/services", "/services/new", "/admin/users", "/api/health"].map((page) => ({
    page,
  })),
  dynamicRoutes: [
    { page: "/services/[slug]", regex: "^/services/([^/]+?)(?:/)?$" },
    { page: "/services/[slug]/edit", regex: "^/services/([^/]+?)/edit(?:/)?$" },
    { page: "/admin/teams/[slug]", regex: "^/admin/teams/([^/]+?)(?:/)?$" },
    { page: "/api/auth/[...nextauth]", regex: "^/api/auth/(.+?)(?:/)?$" },
    { page: "/api/v1/[[...path]]", regex: "^/api/v1(?:/(.+?))?(?:/)?$" },
  ],
};

function routesFromManifest() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pharos-routes-"));
  fs.writeFileSync(path.join(dir, "routes-manifest.json"), JSON.stringify(MANIFEST));
  return loadRoutes(dir);
}

describe("metrics route labels without a build (collapsed paths)", () => {
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
    ["/api/v1/%ZZ", "/api/v1/:unmatched"],
    ["/_next/static/chunks/x.js", "/_next"],
  ])("%s → %s", (url, label) => {
    expect(routeOf(url)).toBe(label);
  });
});

describe("metrics route labels from the build's route table", () => {
  const routes = routesFromManifest();

  it.each([
    ["/", "/"],
    ["/services?q=api", "/services"],
    ["/services/", "/services"],
    ["/services/new", "/services/new"],
    ["/services/payments-api", "/services/:id"],
    ["/services/payments-api/edit", "/services/:id/edit"],
    ["/admin/teams/payments", "/admin/teams/:id"],
    ["/api/auth/callback/oidc", "/api/auth/*"],
    ["/api/health", "/api/health"],
    ["/no-such-page", "/:unmatched"],
    ["/services/payments-api/no-such-tab", "/:unmatched"],
  ])("%s → %s", (url, label) => {
    expect(routeOf(url, { routes, status: 200 })).toBe(label);
  });

  it("names the API by its collapsed path, and every API 404 alike", () => {
    expect(routeOf("/api/v1/services/payments-api", { routes, status: 200 })).toBe("/api/v1/services/:id");
    expect(routeOf("/api/v1/made-up-1", { routes, status: 404 })).toBe("/api/v1/:unmatched");
    expect(routeOf("/api/v1/services/x/made-up", { routes, status: 404 })).toBe("/api/v1/:unmatched");
  });

  it("keeps the label count bounded whatever paths a scanner sends", () => {
    const labels = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const junk = `probe-${i}-${Math.random().toString(36).slice(2)}`;
      // Anonymous pages are redirected (307), unknown API routes are 404s.
      labels.add(routeOf(`/${junk}`, { routes, status: 307 }));
      labels.add(routeOf(`/services/${junk}/${junk}`, { routes, status: 307 }));
      labels.add(routeOf(`/admin/${junk}`, { routes, status: 307 }));
      labels.add(routeOf(`/api/v1/${junk}`, { routes, status: 404 }));
      labels.add(routeOf(`/api/v1/services/${junk}/${junk}`, { routes, status: 404 }));
      labels.add(routeOf(`/wp-admin/${junk}.php`, { routes, status: 307 }));
    }
    expect([...labels].sort()).toEqual(["/:unmatched", "/api/v1/:unmatched"]);
  });

  it("falls back to collapsed paths when the build has no route table", () => {
    expect(loadRoutes(path.join(os.tmpdir(), "no-such-build"))).toBeNull();
  });
});
