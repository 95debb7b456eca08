import { describe, expect, it } from "vitest";
import { groupingToEntity, serviceToEntity, teamToEntity, toCatalogYaml } from "./export";
import { awkward, base } from "./fixtures";
import { parseCatalogYaml } from "./parse";
import { assertBackstageValid } from "./testing";

describe("exported entities pass @backstage/catalog-model", () => {
  it("passes Backstage's own validators for every kind, read back from the YAML", async () => {
    const entities = [
      serviceToEntity(base),
      serviceToEntity(awkward),
      teamToEntity({ slug: "payments", name: "Payments", description: "" }),
      teamToEntity({ slug: "ops", name: "", description: "On call" }),
      groupingToEntity({
        type: "system",
        name: "checkout",
        domain: "commerce",
        description: "Cart",
        ownerTeam: "payments",
      }),
      groupingToEntity({ type: "system", name: "Legacy stuff", domain: null, description: "" }),
      groupingToEntity({ type: "domain", name: "commerce", domain: null, description: "Selling" }),
    ];
    const docs = parseCatalogYaml(toCatalogYaml(entities));
    expect(docs).toHaveLength(entities.length);
    for (const doc of docs) {
      if (!doc.ok) throw new Error(doc.error);
      await assertBackstageValid(doc.raw);
    }
  });

  it("rejects what Backstage rejects (the validators are really running)", async () => {
    const bad = serviceToEntity(base);
    await expect(
      assertBackstageValid({ ...bad, metadata: { ...bad.metadata, tags: ["Bad Tag"] } }),
    ).rejects.toThrow(/tags/);
    await expect(
      assertBackstageValid({ ...bad, spec: { type: "service", lifecycle: "production" } }),
    ).rejects.toThrow(/owner/);
    await expect(
      assertBackstageValid({ ...bad, metadata: { ...bad.metadata, title: null } }),
    ).rejects.toThrow();
  });
});
