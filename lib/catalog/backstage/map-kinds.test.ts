import { describe, expect, it } from "vitest";
import { run } from "./testing";

const entity = (kind: string, name: string, body = "") =>
  `---\napiVersion: backstage.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ${name}\n${body}`;

describe("mapDocuments: other kinds", () => {
  it("maps a Group to a team", () => {
    const yaml = entity(
      "Group",
      "Payments_Team",
      "  title: Pay\n  description: Money\nspec:\n  type: team\n  profile: { displayName: Payments }\n  children: []\n",
    );
    expect(run(yaml).entities).toEqual([
      {
        kind: "team",
        ref: "group:default/payments_team",
        data: { slug: "payments-team", name: "Payments", description: "Money" },
      },
    ]);
    expect(
      run(entity("Group", "ops", "  title: Operations\nspec: { type: team, children: [] }\n")).entities[0]
        .data,
    ).toMatchObject({ name: "Operations" });
  });

  it("maps a User to a user with team slugs, and skips one without email", () => {
    const jane = entity(
      "User",
      "jane",
      "spec:\n  profile: { email: Jane@Example.com, displayName: Jane Doe }\n  memberOf: [group:default/payments, ops_team]\n",
    );
    const bob = entity("User", "bob", "spec:\n  memberOf: [payments]\n");
    const result = run(jane + bob);
    expect(result.errors).toEqual([]);
    expect(result.entities).toEqual([
      {
        kind: "user",
        ref: "user:default/jane",
        data: { email: "jane@example.com", name: "Jane Doe", teams: ["payments", "ops-team"] },
      },
    ]);
    expect(result.skipped).toEqual([
      { ref: "user:default/bob", reason: "User bob has no spec.profile.email" },
    ]);
  });

  it("maps Systems and Domains to groupings and gives services their business domain", () => {
    const yaml = [
      entity("Domain", "commerce", "  description: Selling\nspec: { owner: sales }\n"),
      entity("System", "checkout", "spec: { owner: payments, domain: domain:default/commerce }\n"),
      entity("System", "loose", "spec: { owner: payments }\n"),
      entity(
        "Component",
        "cart",
        "spec: { type: service, lifecycle: production, owner: a1, system: checkout }\n",
      ),
      entity(
        "Component",
        "search",
        "spec: { type: service, lifecycle: production, owner: a1, system: loose }\n",
      ),
    ].join("");
    const { entities, errors } = run(yaml);
    expect(errors).toEqual([]);
    expect(entities.slice(0, 3).map((e) => e.data)).toEqual([
      { type: "domain", name: "commerce", domain: null, description: "Selling" },
      { type: "system", name: "checkout", domain: "commerce", description: "" },
      { type: "system", name: "loose", domain: null, description: "" },
    ]);
    expect(entities[3].kind === "service" && entities[3].data.businessDomain).toBe("commerce");
    expect(entities[4].kind === "service" && entities[4].data.businessDomain).toBe(null);
  });

  it("skips kinds Pharos does not model and rejects unknown kinds", () => {
    const yaml = [
      entity("API", "pay-api", "spec: { type: openapi }\n"),
      entity("Resource", "orders-db", "spec: { type: database }\n"),
      entity("Location", "root", "spec: { targets: [] }\n"),
      "---\napiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata: { name: new-svc }\n",
      entity("Foo", "bar"),
    ].join("");
    const { entities, skipped, errors } = run(yaml);
    expect(entities).toEqual([]);
    expect(skipped.map((s) => s.ref)).toEqual([
      "api:default/pay-api",
      "resource:default/orders-db",
      "location:default/root",
      "template:default/new-svc",
    ]);
    expect(skipped[1].reason).toMatch(/Resource/);
    expect(errors).toEqual([{ ref: "foo:default/bar", error: 'Unknown kind "Foo"' }]);
  });

  it("reports the second of two entities with the same ref, or the same slug", () => {
    const team = (name: string) => entity("Group", name, "spec: { type: team, children: [] }\n");
    const { entities, errors } = run(team("ops") + team("ops") + team("Ops.Team") + team("ops-team"));
    expect(entities.map((e) => e.ref)).toEqual(["group:default/ops", "group:default/ops.team"]);
    expect(errors).toEqual([
      {
        ref: "group:default/ops",
        error: "Duplicate entity: group:default/ops is already defined in document #1",
      },
      {
        ref: "group:default/ops-team",
        error: expect.stringMatching(/team slug "ops-team" is already taken by group:default\/ops.team/),
      },
    ]);
  });

  it("gives specific shape errors", () => {
    const { errors } = run(
      [
        "---\napiVersion: v1\nkind: Component\nmetadata: { name: svc }\n",
        entity("Component", "bad name!"),
        entity("Component", "x".repeat(64)),
        entity("Component", "ok", "  links: [{ url: not-a-url }]\n"),
        "---\n- just\n- a list\n",
        "---\nmetadata: { name: nokind }\n",
        "---\nkey: [broken\n",
      ].join(""),
    );
    expect(errors.map((e) => `${e.ref} | ${e.error}`)).toEqual([
      'component:default/svc | apiVersion: must start with "backstage.io/"',
      expect.stringMatching(/^component:default\/bad name! \| metadata.name: must be runs of/),
      expect.stringMatching(/metadata.name: must be at most 63 characters/),
      "component:default/ok | metadata.links[0].url: must be a valid absolute URL",
      "document #5 | Expected a mapping (a Backstage entity) but found a list",
      expect.stringMatching(/^document #6 \| kind: is missing/),
      expect.stringMatching(/^document #7 \| YAML syntax error/),
    ]);
  });
});
