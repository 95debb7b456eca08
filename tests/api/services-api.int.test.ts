import { beforeAll, describe, expect, it } from "vitest";
import * as importRoute from "@/app/api/v1/catalog/import/route";
import * as exportAllRoute from "@/app/api/v1/catalog-info.yaml/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import * as exportRoute from "@/app/api/v1/services/[slug]/catalog-info.yaml/route";
import * as dependencyRoute from "@/app/api/v1/services/[slug]/dependencies/[dependsOnSlug]/route";
import * as serviceRoute from "@/app/api/v1/services/[slug]/route";
import * as verifyRoute from "@/app/api/v1/services/[slug]/verify/route";
import * as facetsRoute from "@/app/api/v1/services/facets/route";
import * as servicesRoute from "@/app/api/v1/services/route";
import { seedDemo } from "@/db/seed/demo";
import { addTeamMember } from "@/lib/admin/team-commands";
import { cliActor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/command/execute";
import { withTestDatabase } from "../database";
import { call, params, tokenFor } from "./helpers";

const t = withTestDatabase();
let engineer: string;
let viewer: string;

beforeAll(async () => {
  await seedDemo(t.db);
  const e = await tokenFor(t.db, "engineer", ["read", "write"]);
  await executeCommand(addTeamMember, cliActor, { team: "payments", email: e.user.email });
  engineer = e.token;
  viewer = (await tokenFor(t.db, "viewer", ["read"])).token;
});

describe("REST /api/v1/services", () => {
  it("lists a page in the documented shape, with filters and facets", async () => {
    const response = await servicesRoute.GET(
      call("/api/v1/services?tier=tier0&pageSize=5&facets=true", { token: viewer }),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ total: 15, page: 1, pageSize: 5 });
    expect(body.items).toHaveLength(5);
    expect(Object.keys(body.items[0])).toEqual(
      expect.arrayContaining([
        "slug",
        "name",
        "description",
        "ownerTeam",
        "tier",
        "lifecycle",
        "domain",
        "repoUrl",
        "runbookUrl",
        "onCall",
        "links",
        "tags",
        "dependsOn",
        "rtoMinutes",
        "rpoMinutes",
        "lastDrTestAt",
        "verifiedAt",
      ]),
    );
    expect(body.items.every((s: { tier: string }) => s.tier === "tier0")).toBe(true);
    expect(body.facets.tier.find((f: { value: string }) => f.value === "tier0").count).toBe(15);
    const facets = await (
      await facetsRoute.GET(call("/api/v1/services/facets?q=payments", { token: viewer }))
    ).json();
    expect(facets.team.find((f: { value: string }) => f.value === "payments").count).toBeGreaterThan(0);
    const one = await (
      await facetsRoute.GET(call("/api/v1/services/facets?facet=lifecycle&tier=tier0", { token: viewer }))
    ).json();
    expect(one.lifecycle.reduce((n: number, f: { count: number }) => n + f.count, 0)).toBe(15);
    expect(one.tier).toEqual([]);
    expect(one.tag).toEqual([]);
    const bad = await facetsRoute.GET(call("/api/v1/services/facets?facet=colour", { token: viewer }));
    expect(bad.status).toBe(400);
  });

  it("reads one service by slug with dependsOn slugs, and 404s unknown ones", async () => {
    const ok = await serviceRoute.GET(
      call("/api/v1/services/payments-api", { token: viewer }),
      params({ slug: "payments-api" }),
    );
    expect(await ok.json()).toMatchObject({
      slug: "payments-api",
      ownerTeam: "payments",
      dependsOn: expect.arrayContaining(["ledger", "fraud-scoring"]),
    });
    expect(
      (await serviceRoute.GET(call("/api/v1/services/nope", { token: viewer }), params({ slug: "nope" })))
        .status,
    ).toBe(404);
  });

  it("creates (201), refuses duplicates (409 naming the owner) and bad fields (400)", async () => {
    const created = await servicesRoute.POST(
      call("/api/v1/services", {
        method: "POST",
        token: engineer,
        body: {
          slug: "chargebacks",
          name: "Chargebacks",
          ownerTeam: "payments",
          tier: "tier1",
          dependsOn: ["ledger"],
          links: [{ title: "Docs", url: "https://docs.example.com/cb" }],
        },
      }),
    );
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe("/api/v1/services/chargebacks");
    expect(await created.json()).toMatchObject({
      slug: "chargebacks",
      dependsOn: ["ledger"],
      scorecardLevel: "none",
    });
    const dupe = await servicesRoute.POST(
      call("/api/v1/services", {
        method: "POST",
        token: engineer,
        body: { slug: "chargebacks", name: "X", ownerTeam: "payments" },
      }),
    );
    expect(dupe.status).toBe(409);
    expect((await dupe.json()).error.message).toContain("Chargebacks (owned by Payments)");
    const bad = await servicesRoute.POST(
      call("/api/v1/services", {
        method: "POST",
        token: engineer,
        body: { slug: "x y", name: "", ownerTeam: "nobody", repoUrl: "ftp://x", tags: ["Bad Tag!"] },
      }),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual([
      "name",
      "repoUrl",
      "slug",
      "tags.0",
    ]);
    const unknownTeam = await servicesRoute.POST(
      call("/api/v1/services", {
        method: "POST",
        token: engineer,
        body: { slug: "ok-slug", name: "Ok", ownerTeam: "nobody" },
      }),
    );
    expect(await unknownTeam.json()).toMatchObject({
      error: { code: "invalid", fields: { ownerTeam: 'Unknown team "nobody".' } },
    });
  });

  it("403s an engineer editing another team's service, and a read-only token", async () => {
    const other = await serviceRoute.PATCH(
      call("/api/v1/services/postgres-primary", {
        method: "PATCH",
        token: engineer,
        body: { tier: "tier3" },
      }),
      params({ slug: "postgres-primary" }),
    );
    expect(other.status).toBe(403);
    const readOnly = await serviceRoute.PATCH(
      call("/api/v1/services/ledger", { method: "PATCH", token: viewer, body: { tier: "tier3" } }),
      params({ slug: "ledger" }),
    );
    expect(readOnly.status).toBe(403);
    const still = await (
      await serviceRoute.GET(
        call("/api/v1/services/postgres-primary", { token: viewer }),
        params({ slug: "postgres-primary" }),
      )
    ).json();
    expect(still.tier).toBe("tier0");
  });

  it("patches, archives, restores and verifies", async () => {
    const patched = await serviceRoute.PATCH(
      call("/api/v1/services/chargebacks", {
        method: "PATCH",
        token: engineer,
        body: { description: "Disputes and chargebacks from card networks.", archived: true },
      }),
      params({ slug: "chargebacks" }),
    );
    expect(await patched.json()).toMatchObject({
      description: "Disputes and chargebacks from card networks.",
      archived: true,
    });
    const list = await (
      await servicesRoute.GET(call("/api/v1/services?q=chargebacks", { token: viewer }))
    ).json();
    expect(list.total).toBe(0);
    await serviceRoute.PATCH(
      call("/api/v1/services/chargebacks", { method: "PATCH", token: engineer, body: { archived: false } }),
      params({ slug: "chargebacks" }),
    );
    const verified = await verifyRoute.POST(
      call("/api/v1/services/chargebacks/verify", { method: "POST", token: engineer }),
      params({ slug: "chargebacks" }),
    );
    expect(verified.status).toBe(200);
    expect((await verified.json()).verifiedAt).toBeTruthy();
  });

  it("PUTs and DELETEs dependencies", async () => {
    const ctx = params({ slug: "chargebacks", dependsOnSlug: "payments-api" });
    const put = await dependencyRoute.PUT(
      call("/api/v1/services/chargebacks/dependencies/payments-api", { method: "PUT", token: engineer }),
      ctx,
    );
    expect(await put.json()).toMatchObject({ created: true, cycle: null });
    const self = await dependencyRoute.PUT(
      call("/x", { method: "PUT", token: engineer }),
      params({ slug: "chargebacks", dependsOnSlug: "chargebacks" }),
    );
    expect(self.status).toBe(400);
    expect(
      (await dependencyRoute.DELETE(call("/x", { method: "DELETE", token: engineer }), ctx)).status,
    ).toBe(200);
    expect(
      (await dependencyRoute.DELETE(call("/x", { method: "DELETE", token: engineer }), ctx)).status,
    ).toBe(404);
  });
});

describe("REST import and export", () => {
  const yaml = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: payments-audit, description: Audit trail of payment state changes. }
spec: { type: service, lifecycle: production, owner: group:default/payments, dependsOn: [component:default/ledger] }`;

  it("dry-runs, imports and re-imports idempotently", async () => {
    const dry = await (
      await importRoute.POST(
        new Request("http://localhost/api/v1/catalog/import?dryRun=true", {
          method: "POST",
          headers: { authorization: `Bearer ${engineer}` },
          body: yaml,
        }),
      )
    ).json();
    expect(dry).toMatchObject({ dryRun: true, ok: true, counts: { create: 1 } });
    const real = await importRoute.POST(
      new Request("http://localhost/api/v1/catalog/import", {
        method: "POST",
        headers: { authorization: `Bearer ${engineer}` },
        body: yaml,
      }),
    );
    expect(real.status).toBe(200);
    expect((await real.json()).counts.create).toBe(1);
    const again = await (
      await importRoute.POST(
        new Request("http://localhost/api/v1/catalog/import", {
          method: "POST",
          headers: { authorization: `Bearer ${engineer}` },
          body: yaml,
        }),
      )
    ).json();
    expect(again.counts).toMatchObject({ create: 0, unchanged: 1 });
  });

  it("answers 400 with the per-entity report for a broken file", async () => {
    const response = await importRoute.POST(
      new Request("http://localhost/api/v1/catalog/import", {
        method: "POST",
        headers: { authorization: `Bearer ${engineer}` },
        body: `${yaml.replace("payments-audit", "payments-audit-2").replace("ledger", "ghost")}\n---\nkind: Gadget\n`,
      }),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.details.rows.filter((r: { action: string }) => r.action === "error")).toHaveLength(2);
  });

  it("exports one service or the whole catalog as YAML", async () => {
    const one = await exportRoute.GET(
      call("/api/v1/services/ledger/catalog-info.yaml", { token: viewer }),
      params({ slug: "ledger" }),
    );
    expect(one.headers.get("content-type")).toContain("application/yaml");
    const text = await one.text();
    expect(text).toContain("kind: Component");
    expect(text).toContain("name: ledger");
    const all = await (await exportAllRoute.GET(call("/api/v1/catalog-info.yaml", { token: viewer }))).text();
    expect(all.match(/^kind: Component$/gm)?.length).toBeGreaterThanOrEqual(43);
    expect((await exportAllRoute.GET(call("/api/v1/catalog-info.yaml"))).status).toBe(401);
  });

  it("documents the API in OpenAPI 3 with request schemas from zod", async () => {
    const doc = await openapiRoute.GET().json();
    expect(doc.openapi).toBe("3.0.3");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/services",
        "/services/{slug}",
        "/services/{slug}/dependencies/{dependsOnSlug}",
        "/teams",
        "/catalog/import",
        "/services/{slug}/catalog-info.yaml",
      ]),
    );
    expect(doc.components.schemas.ServiceCreate.required).toEqual(
      expect.arrayContaining(["slug", "name", "ownerTeam"]),
    );
  });
});
