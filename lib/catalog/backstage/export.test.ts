import { describe, expect, it } from "vitest";
import { groupingToEntity, serviceToEntity, teamToEntity, toCatalogYaml } from "./export";
import { awkward, base } from "./fixtures";
import { mapDocuments } from "./map";
import { parseCatalogYaml } from "./parse";
import { assertBackstageValid } from "./testing";

describe("export to Backstage", () => {
  it("writes a Component with Pharos fields as annotations", () => {
    expect(serviceToEntity(base)).toEqual({
      apiVersion: "backstage.io/v1alpha1",
      kind: "Component",
      metadata: {
        name: "payments-api",
        title: "Payments API",
        description: base.description,
        tags: ["java", "pci"],
        links: [{ url: "https://grafana.example.com/d/1", title: "Dashboard", type: "dashboard" }],
        annotations: {
          "backstage.io/techdocs-ref": "dir:.",
          "pharos.io/tier": "tier0",
          "pharos.io/domain": "middleware",
          "pharos.io/on-call": "pagerduty:P123",
          "pharos.io/runbook": "https://runbooks.example.com/payments",
          "pharos.io/rto-minutes": "60",
          "pharos.io/rpo-minutes": "0",
          "pharos.io/last-dr-test": "2026-03-31T09:30:00.000Z",
          "pharos.io/verified-at": "2026-04-01T00:00:00.000Z",
          "pharos.io/scorecard-level": "gold",
          "backstage.io/source-location": "url:https://github.com/acme/payments",
        },
      },
      spec: {
        type: "service",
        lifecycle: "production",
        owner: "group:default/payments",
        system: "checkout",
        dependsOn: ["component:default/ledger", "component:default/fraud-check"],
      },
    });
  });

  it("cleans awkward data into something Backstage accepts", async () => {
    const e = serviceToEntity(awkward);
    expect(e.metadata.tags).toEqual(["node-js", "team-payments", "uber", "a".repeat(63), "c++", "c#"]);
    expect(e.metadata.links).toHaveLength(26);
    expect(e.metadata.links?.[25]).toEqual({ url: "https://example.com/blank-title" });
    expect(e.metadata.annotations).toEqual({
      "example.com/empty": "",
      "pharos.io/tier": "tier0",
      "pharos.io/domain": "middleware",
    });
    expect(e.metadata).not.toHaveProperty("title");
    expect(e.metadata).not.toHaveProperty("description");
    expect(e.spec).toEqual({
      type: "service",
      lifecycle: "production",
      owner: "group:default/unowned",
      system: "Checkout-Platform-EU",
      dependsOn: ["component:default/a1", "component:default/b2"],
    });
    await assertBackstageValid(e);
  });

  it("reads its own output back, with groupings giving the business domain", () => {
    const yaml = toCatalogYaml([
      serviceToEntity(base),
      teamToEntity({ slug: "payments", name: "Payments", description: "Money" }),
      groupingToEntity({ type: "system", name: "checkout", domain: "commerce", description: "" }),
      groupingToEntity({ type: "domain", name: "commerce", domain: null, description: "" }),
    ]);
    expect(yaml.startsWith("---\napiVersion: backstage.io/v1alpha1\nkind: Component\n")).toBe(true);
    const { entities, errors } = mapDocuments(parseCatalogYaml(yaml));
    expect(errors).toEqual([]);
    const service = entities.find((e) => e.kind === "service");
    expect(service?.data).toMatchObject({
      slug: "payments-api",
      businessDomain: "commerce",
      ownerTeam: "payments",
    });
    expect(service?.kind === "service" && service.data.annotations).toEqual({
      "backstage.io/techdocs-ref": "dir:.",
    });
    expect(entities.find((e) => e.kind === "team")?.data).toEqual({
      slug: "payments",
      name: "Payments",
      description: "Money",
    });
  });

  it("writes an empty file for no entities", () => {
    expect(toCatalogYaml([])).toBe("");
  });
});
