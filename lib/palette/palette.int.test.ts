import { beforeAll, describe, expect, it } from "vitest";
import { runQuery } from "@/lib/query/run";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { paletteRead } from "./reads";

const t = withTestDatabase();
let people: Awaited<ReturnType<typeof demo>>;
beforeAll(async () => {
  people = await demo(t.db);
});

const search = async (q: string) => {
  const result = await runQuery(paletteRead, people.viewer, { q });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return Object.fromEntries(result.data.map((g) => [g.group, g.items]));
};

describe("the ⌘K palette's search", () => {
  it("finds a service by name and by slug, linking to its page", async () => {
    const byName = await search("ledger");
    expect(byName.Services?.[0]).toMatchObject({ label: "Ledger", href: "/services/ledger" });
    expect(byName.Services?.[0].hint).toBe("Tier 0 · Payments");
    const bySlug = await search("api-gateway");
    expect(bySlug.Services?.map((s) => s.href)).toContain("/services/api-gateway");
  });

  it("forgives a typo the way the catalog does, and says so", async () => {
    const found = await search("legder");
    expect(found.Services?.[0]).toMatchObject({ href: "/services/ledger" });
    expect(found.Services?.[0].hint).toContain("similar name");
  });

  it("finds teams by name or slug, and treats % and _ as letters", async () => {
    expect((await search("networking")).Teams?.map((x) => x.href)).toEqual(["/teams/edge"]);
    expect((await search("obs")).Teams?.[0]).toMatchObject({ label: "Observability" });
    expect((await search("%")).Teams).toBeUndefined();
    expect((await search("_")).Teams).toBeUndefined();
  });

  it("finds SLOs by their name or their service's, linking to the SLO page", async () => {
    const byName = await search("authorisation");
    expect(byName.SLOs?.map((s) => s.label)).toEqual(
      expect.arrayContaining(["Payment authorisation success", "Authorisation latency under 300 ms"]),
    );
    expect(byName.SLOs?.[0].href).toMatch(/^\/slos\/[0-9a-f-]{36}$/);
    expect((await search("fraud")).SLOs?.[0]).toMatchObject({
      label: "Fraud score availability",
      hint: "Fraud Scoring · 99.5 %",
    });
  });

  it("answers nothing for nothing, and nobody signed out", async () => {
    expect(await search("   ")).toEqual({});
    expect(await runQuery(paletteRead, null, { q: "ledger" })).toMatchObject({
      ok: false,
      code: "unauthorized",
    });
    expect(await runQuery(paletteRead, people.viewer, { q: "x".repeat(101) })).toMatchObject({
      ok: false,
      code: "invalid",
    });
  });
});
