import { describe, expect, it } from "vitest";
import { component, run, service } from "./testing";

describe("mapDocuments: components", () => {
  it("maps a fully annotated component", () => {
    const yaml = `${component(
      "Payments_API",
      `  title: Payments API
  description: Takes money
  tags: [Java, java, PCI]
  links:
    - { url: "https://grafana.example.com/d/1", title: Dashboard, type: dashboard }
    - { url: "https://wiki.example.com/x" }
  annotations:
    pharos.io/tier: critical
    pharos.io/domain: middleware
    pharos.io/on-call: "#payments-oncall"
    pharos.io/runbook: https://runbooks.example.com/payments
    pharos.io/rto-minutes: 60
    pharos.io/rpo-minutes: "5"
    pharos.io/last-dr-test: 2026-03-31
    backstage.io/source-location: url:https://github.com/acme/payments/tree/main/
    backstage.io/techdocs-ref: dir:.
`,
      "  owner: group:default/payments\n  lifecycle: production\n  system: system:default/checkout\n  dependsOn: [component:default/ledger, fraud-check]\n",
    )}`;
    const { ref } = run(yaml).entities[0];
    expect(ref).toBe("component:default/payments_api");
    expect(service(yaml)).toEqual({
      slug: "payments-api",
      name: "Payments API",
      description: "Takes money",
      ownerTeam: "payments",
      tier: "tier0",
      lifecycle: "production",
      domain: "middleware",
      repoUrl: "https://github.com/acme/payments/tree/main/",
      runbookUrl: "https://runbooks.example.com/payments",
      onCall: "#payments-oncall",
      links: [
        { url: "https://grafana.example.com/d/1", title: "Dashboard", kind: "dashboard" },
        { url: "https://wiki.example.com/x", title: "https://wiki.example.com/x" },
      ],
      tags: ["java", "pci"],
      rtoMinutes: 60,
      rpoMinutes: 5,
      lastDrTestAt: "2026-03-31T00:00:00.000Z",
      system: "checkout",
      businessDomain: null,
      annotations: { "backstage.io/techdocs-ref": "dir:." },
      dependsOn: ["ledger", "fraud-check"],
    });
  });

  it("applies defaults to a bare component", () => {
    const s = service(component("web", "", "  owner: web\n  lifecycle: production\n"));
    expect(s).toMatchObject({
      name: "web",
      description: "",
      tier: "tier2",
      domain: "application",
      system: null,
    });
    expect(s).toMatchObject({
      repoUrl: null,
      runbookUrl: null,
      onCall: null,
      rtoMinutes: null,
      lastDrTestAt: null,
    });
    expect(s).toMatchObject({ links: [], tags: [], annotations: {}, dependsOn: [] });
  });

  it.each([
    ["group:default/payments", "payments"],
    ["group:payments", "payments"],
    ["payments", "payments"],
    ["Group:Ops/Payments_Team", "payments-team"],
  ])("reads owner %s as team %s", (owner, team) => {
    expect(service(component("svc", "", `  owner: ${owner}\n  lifecycle: production\n`)).ownerTeam).toBe(
      team,
    );
  });

  it("refuses a user as owner", () => {
    const { entities, errors } = run(
      component("svc", "", "  owner: user:default/jane\n  lifecycle: production\n"),
    );
    expect(entities).toEqual([]);
    expect(errors).toEqual([
      { ref: "component:default/svc", error: expect.stringMatching(/owner must be a Group/) },
    ]);
  });

  it("skips resource dependencies with a reason but imports the component", () => {
    const spec = "  owner: a1\n  dependsOn: [resource:default/orders-db, component:ledger]\n";
    const { entities, skipped, errors } = run(component("orders", "", spec));
    expect(errors).toEqual([]);
    expect(entities).toHaveLength(1);
    expect(entities[0].kind === "service" && entities[0].data.dependsOn).toEqual(["ledger"]);
    expect(skipped).toEqual([
      {
        ref: "component:default/orders",
        reason:
          "component:default/orders: dependsOn resource:default/orders-db is not imported (Pharos tracks service-to-service dependencies only)",
      },
    ]);
  });

  it("refuses a component that depends on itself", () => {
    const { entities, errors } = run(
      component("orders", "", "  owner: a1\n  dependsOn: [component:default/orders]\n"),
    );
    expect(entities).toEqual([]);
    expect(errors[0]).toEqual({ ref: "component:default/orders", error: expect.stringMatching(/itself/) });
  });
});

describe("mapDocuments: the envelope", () => {
  it("says a required field is missing in plain words", () => {
    const { errors } = run(
      "kind: Component\nmetadata: { name: orders }\n---\napiVersion: backstage.io/v1alpha1\nkind: Group\n",
    );
    expect(errors).toEqual([
      { ref: "component:default/orders", error: "apiVersion: is missing" },
      { ref: "document #2", error: "metadata: is missing" },
    ]);
  });
});
