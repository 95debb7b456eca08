import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/db/seed/demo";
import { addTeamMember } from "@/lib/admin/team-commands";
import { cliActor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/command/execute";
import { withTestDatabase } from "../database";
import { call, send, tokenFor } from "./helpers";

const t = withTestDatabase();
let engineer: string;
let viewer: string;

beforeAll(async () => {
  await seedDemo(t.db, new Date(), { sloHistoryDays: 1 });
  const e = await tokenFor(t.db, "engineer", ["read", "write"]);
  await executeCommand(addTeamMember, cliActor, { team: "payments", email: e.user.email });
  engineer = e.token;
  viewer = (await tokenFor(t.db, "viewer", ["read"])).token;
});

describe("REST /api/v1/services", () => {
  it("lists a page in the documented shape, with filters and facets", async () => {
    const response = await send(
      "GET",
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
      await send("GET", call("/api/v1/services/facets?q=payments", { token: viewer }))
    ).json();
    expect(facets.team.find((f: { value: string }) => f.value === "payments").count).toBeGreaterThan(0);
    const one = await (
      await send("GET", call("/api/v1/services/facets?facet=lifecycle&tier=tier0", { token: viewer }))
    ).json();
    expect(one.lifecycle.reduce((n: number, f: { count: number }) => n + f.count, 0)).toBe(15);
    expect(one.tier).toEqual([]);
    expect(one.tag).toEqual([]);
    const bad = await send("GET", call("/api/v1/services/facets?facet=colour", { token: viewer }));
    expect(bad.status).toBe(400);
  });

  it("reads one service by slug with dependsOn slugs, and 404s unknown ones", async () => {
    const ok = await send("GET", call("/api/v1/services/payments-api", { token: viewer }));
    expect(await ok.json()).toMatchObject({
      slug: "payments-api",
      ownerTeam: "payments",
      dependsOn: expect.arrayContaining(["ledger", "fraud-scoring"]),
    });
    expect((await send("GET", call("/api/v1/services/nope", { token: viewer }))).status).toBe(404);
  });

  it("creates (201), refuses duplicates (409 naming the owner) and bad fields (400)", async () => {
    const created = await send(
      "POST",
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
    const dupe = await send(
      "POST",
      call("/api/v1/services", {
        method: "POST",
        token: engineer,
        body: { slug: "chargebacks", name: "X", ownerTeam: "payments" },
      }),
    );
    expect(dupe.status).toBe(409);
    expect((await dupe.json()).error.message).toContain("Chargebacks (owned by Payments)");
    const bad = await send(
      "POST",
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
    const unknownTeam = await send(
      "POST",
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
    const other = await send(
      "PATCH",
      call("/api/v1/services/postgres-primary", {
        method: "PATCH",
        token: engineer,
        body: { tier: "tier3" },
      }),
    );
    expect(other.status).toBe(403);
    const readOnly = await send(
      "PATCH",
      call("/api/v1/services/ledger", { method: "PATCH", token: viewer, body: { tier: "tier3" } }),
    );
    expect(readOnly.status).toBe(403);
    const still = await (
      await send("GET", call("/api/v1/services/postgres-primary", { token: viewer }))
    ).json();
    expect(still.tier).toBe("tier0");
  });

  it("patches, archives, restores and verifies", async () => {
    const patched = await send(
      "PATCH",
      call("/api/v1/services/chargebacks", {
        method: "PATCH",
        token: engineer,
        body: { description: "Disputes and chargebacks from card networks.", archived: true },
      }),
    );
    expect(await patched.json()).toMatchObject({
      description: "Disputes and chargebacks from card networks.",
      archived: true,
    });
    const list = await (await send("GET", call("/api/v1/services?q=chargebacks", { token: viewer }))).json();
    expect(list.total).toBe(0);
    await send(
      "PATCH",
      call("/api/v1/services/chargebacks", { method: "PATCH", token: engineer, body: { archived: false } }),
    );
    const verified = await send(
      "POST",
      call("/api/v1/services/chargebacks/verify", { method: "POST", token: engineer }),
    );
    expect(verified.status).toBe(200);
    expect((await verified.json()).verifiedAt).toBeTruthy();
  });

  it("PUTs and DELETEs dependencies", async () => {
    const edge = "/api/v1/services/chargebacks/dependencies/payments-api";
    const put = await send("PUT", call(edge, { method: "PUT", token: engineer }));
    expect(await put.json()).toMatchObject({ created: true, cycle: null });
    const self = await send(
      "PUT",
      call("/api/v1/services/chargebacks/dependencies/chargebacks", { method: "PUT", token: engineer }),
    );
    expect(self.status).toBe(400);
    expect((await send("DELETE", call(edge, { method: "DELETE", token: engineer }))).status).toBe(200);
    expect((await send("DELETE", call(edge, { method: "DELETE", token: engineer }))).status).toBe(404);
  });
});

describe("REST import and export", () => {
  const yaml = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: payments-audit, description: Audit trail of payment state changes. }
spec: { type: service, lifecycle: production, owner: group:default/payments, dependsOn: [component:default/ledger] }`;

  it("dry-runs, imports and re-imports idempotently", async () => {
    const dry = await (
      await send(
        "POST",
        new Request("http://localhost/api/v1/catalog/import?dryRun=true", {
          method: "POST",
          headers: { authorization: `Bearer ${engineer}` },
          body: yaml,
        }),
      )
    ).json();
    expect(dry).toMatchObject({ dryRun: true, ok: true, counts: { create: 1 } });
    const real = await send(
      "POST",
      new Request("http://localhost/api/v1/catalog/import", {
        method: "POST",
        headers: { authorization: `Bearer ${engineer}` },
        body: yaml,
      }),
    );
    expect(real.status).toBe(200);
    expect((await real.json()).counts.create).toBe(1);
    const again = await (
      await send(
        "POST",
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
    const response = await send(
      "POST",
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
    const one = await send("GET", call("/api/v1/services/ledger/catalog-info.yaml", { token: viewer }));
    expect(one.headers.get("content-type")).toContain("application/yaml");
    const text = await one.text();
    expect(text).toContain("kind: Component");
    expect(text).toContain("name: ledger");
    const all = await (await send("GET", call("/api/v1/catalog-info.yaml", { token: viewer }))).text();
    expect(all.match(/^kind: Component$/gm)?.length).toBeGreaterThanOrEqual(43);
    expect((await send("GET", call("/api/v1/catalog-info.yaml"))).status).toBe(401);
  });

  it("documents every route in OpenAPI 3.1, generated from the route table", async () => {
    const response = await send("GET", call("/api/v1/openapi.json"));
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/services",
        "/services/{slug}",
        "/services/{slug}/dependencies/{dependsOn}",
        "/teams",
        "/catalog/import",
        "/services/{slug}/catalog-info.yaml",
      ]),
    );
    const create = doc.paths["/services"].post;
    expect(create["x-pharos-scope"]).toBe("catalog:write");
    expect(create.requestBody.content["application/json"].schema.required).toEqual(
      expect.arrayContaining(["slug", "name", "ownerTeam"]),
    );
    expect(doc.paths["/services/{slug}"].get.responses["200"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/Service",
    });
  });
});
