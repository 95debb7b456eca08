import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { updateTeam } from "@/lib/admin/team-commands";
import { cliActor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/command/execute";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { catalogVersion, versionedCache } from "./catalog-version";
import { parseCatalogFilter } from "./list-filter";
import { catalogFacets } from "./queries";
import { createService } from "./service-commands";

const t = withTestDatabase();
const filter = (query: string) => {
  const params = new URLSearchParams(query);
  return parseCatalogFilter((k) => params.get(k) ?? undefined);
};
const count = (facets: { value: string; count: number }[], value: string) =>
  facets.find((f) => f.value === value)?.count ?? 0;

describe("the catalog version and what is cached on it", () => {
  it("keeps facet counts until any catalog write, then counts again", async () => {
    const people = await demo(t.db);
    const before = await catalogFacets(t.db, filter(""));
    // Same filter, nothing written: the very same result.
    expect(await catalogFacets(t.db, filter("sort=tier"))).toBe(before);

    const created = await executeCommand(createService, people.engineer, {
      slug: "facet-probe",
      name: "Facet Probe",
      ownerTeam: "payments",
      tier: "tier0",
    });
    expect(created.ok).toBe(true);
    const after = await catalogFacets(t.db, filter(""));
    expect(count(after.tier, "tier0")).toBe(count(before.tier, "tier0") + 1);

    // A team rename is a catalog change too: the team facet shows the new name.
    const team = after.team.find((f) => f.value === "payments")!;
    await executeCommand(updateTeam, cliActor, {
      slug: "payments",
      name: "Payments Platform",
      description: "",
    });
    const renamed = await catalogFacets(t.db, filter(""));
    expect(renamed.team.find((f) => f.value === "payments")).toEqual({ ...team, label: "Payments Platform" });
  });

  it("never caches what depends on the clock or the caller", async () => {
    const a = await catalogFacets(t.db, filter("stale=1"));
    expect(await catalogFacets(t.db, filter("stale=1"))).not.toBe(a);
  });

  it("moves the version once per committed transaction that changes catalog rows", async () => {
    const v = await catalogVersion(t.db);
    await t.db.execute(sql`update services set name = name where false`);
    expect(await catalogVersion(t.db)).toBe(v);
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`update services set name = name`);
      await tx.execute(sql`update teams set name = name`);
      // Deferred to commit: inside the writer's transaction the version has not moved yet.
      expect(await catalogVersion(tx)).toBe(v);
    });
    expect(await catalogVersion(t.db)).toBe(v + 1);
  });

  it("computes a burst of identical requests once, and does not keep failures", async () => {
    const cache = versionedCache<number>();
    let calls = 0;
    const slow = () =>
      new Promise<number>((resolve) => {
        calls += 1;
        setTimeout(() => resolve(calls), 20);
      });
    const results = await Promise.all([
      cache(t.db, "k", slow),
      cache(t.db, "k", slow),
      cache(t.db, "k", slow),
    ]);
    expect(results).toEqual([1, 1, 1]);
    expect(calls).toBe(1);

    await expect(cache(t.db, "bad", () => Promise.reject(new Error("db away")))).rejects.toThrow("db away");
    expect(await cache(t.db, "bad", async () => 42)).toBe(42);
  });

  it("holds no more than its limit, dropping the oldest first", async () => {
    const cache = versionedCache<string>(2);
    let computed = 0;
    const value = (s: string) => async () => {
      computed += 1;
      return s;
    };
    await cache(t.db, "a", value("a"));
    await cache(t.db, "b", value("b"));
    await cache(t.db, "c", value("c"));
    expect(computed).toBe(3);
    await cache(t.db, "c", value("c"));
    await cache(t.db, "b", value("b"));
    expect(computed).toBe(3);
    await cache(t.db, "a", value("a"));
    expect(computed).toBe(4);
  });
});
