import { eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { parseAllDocuments } from "yaml";
import { services, teams } from "@/db/schema";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { assertBackstageValid } from "./backstage/testing";
import { byteStream, catalogYamlChunks, catalogYamlStream, exportCatalogYaml } from "./export";

const t = withTestDatabase();
beforeAll(async () => {
  await demo(t.db);
});

type Doc = { kind: string; metadata: { name: string }; spec: { owner?: string; dependsOn?: string[] } };
const docs = (yaml: string) => parseAllDocuments(yaml).map((d) => d.toJS() as Doc);
const names = (yaml: string, kind: string) =>
  docs(yaml)
    .filter((d) => d.kind === kind)
    .map((d) => d.metadata.name);

async function collect(stream: ReadableStream<Uint8Array>) {
  const decoder = new TextDecoder();
  const chunks: string[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read())
    chunks.push(decoder.decode(next.value, { stream: true }));
  return chunks;
}

describe("whole-catalog export as a stream", () => {
  it("streams the live catalog in pages, each page of documents as it is read", async () => {
    const live = await t.db.select({ slug: services.slug }).from(services).where(isNull(services.archivedAt));
    expect(live.length).toBeGreaterThan(12);
    const chunks = await collect(catalogYamlStream(t.db, { pageSize: 5 }));
    // One chunk per page of five, plus the Groups, Domains and Systems at the end.
    expect(chunks.length).toBe(Math.ceil(live.length / 5) + 1);
    for (const chunk of chunks) expect(chunk.startsWith("---\n")).toBe(true);
    const yaml = chunks.join("");
    expect(names(yaml, "Component").sort()).toEqual(live.map((s) => s.slug).sort());
    for (const doc of docs(yaml)) await assertBackstageValid(doc);
  });

  it("writes the same file whatever the page size, and the same as the one-string export", async () => {
    const whole = await exportCatalogYaml(t.db);
    for (const pageSize of [1, 2, 3, 7, 1000]) {
      expect((await collect(catalogYamlStream(t.db, { pageSize }))).join("")).toBe(whole);
    }
  });

  it("names a Group for every owner it writes, and no archived service", async () => {
    const [gone] = await t.db
      .update(services)
      .set({ archivedAt: new Date() })
      .where(eq(services.slug, "status-page"))
      .returning({ slug: services.slug });
    expect(gone?.slug).toBe("status-page");
    const yaml = (await exportCatalogYaml(t.db))!;
    expect(names(yaml, "Component")).not.toContain("status-page");
    const groups = new Set(names(yaml, "Group"));
    const owners = docs(yaml)
      .map((d) => d.spec.owner)
      .filter((o): o is string => Boolean(o) && o !== "group:default/unowned");
    expect(owners.length).toBeGreaterThan(10);
    for (const owner of owners) expect(groups).toContain(owner.replace("group:default/", ""));
    // One service alone still exports, archived or not.
    expect(names((await exportCatalogYaml(t.db, "status-page"))!, "Component")).toEqual(["status-page"]);
    await t.db.update(services).set({ archivedAt: null }).where(eq(services.slug, "status-page"));
  });

  it("never writes a service twice when it is renamed past the cursor mid-export", async () => {
    const chunks = catalogYamlChunks(t.db, { pageSize: 2 });
    const first = await chunks.next();
    const [early] = names(first.value as string, "Component");
    await t.db.update(services).set({ slug: "zzzz-renamed" }).where(eq(services.slug, early));
    try {
      let yaml = first.value as string;
      for await (const chunk of chunks) yaml += chunk;
      const components = names(yaml, "Component");
      expect(components).toContain(early);
      expect(components).not.toContain("zzzz-renamed");
      expect(new Set(components).size).toBe(components.length);
    } finally {
      await t.db.update(services).set({ slug: early }).where(eq(services.slug, "zzzz-renamed"));
    }
  });

  it("serves the whole catalog from memory until the catalog changes, then reads the change", async () => {
    const first = (await collect(catalogYamlStream(t.db))).join("");
    const select = vi.spyOn(t.db, "select");
    try {
      expect((await collect(catalogYamlStream(t.db))).join("")).toBe(first);
      expect(select).not.toHaveBeenCalled();
      await t.db
        .update(services)
        .set({ description: "Freshly described" })
        .where(eq(services.slug, "status-page"));
      const after = (await collect(catalogYamlStream(t.db))).join("");
      expect(select).toHaveBeenCalled();
      expect(after).toContain("description: Freshly described");
      expect(after).toBe(await exportCatalogYaml(t.db));
    } finally {
      select.mockRestore();
    }
  });

  it("keeps nothing from a reader that stops half-way", async () => {
    await t.db
      .update(services)
      .set({ description: "Described again" })
      .where(eq(services.slug, "status-page"));
    const reader = catalogYamlStream(t.db).getReader();
    await reader.read();
    await reader.cancel();
    const select = vi.spyOn(t.db, "select");
    try {
      const whole = (await collect(catalogYamlStream(t.db))).join("");
      expect(select).toHaveBeenCalled();
      expect(whole).toBe(await exportCatalogYaml(t.db));
    } finally {
      select.mockRestore();
    }
  });

  it("pulls one chunk ahead of the reader, and ends the generator when the reader cancels", async () => {
    const pulled: number[] = [];
    let ended = false;
    async function* chunks() {
      try {
        for (let i = 0; i < 100; i++) {
          pulled.push(i);
          yield `---\nn: ${i}\n`;
        }
      } finally {
        ended = true;
      }
    }
    const reader = byteStream(chunks()).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("---\nn: 0\n");
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(pulled.length).toBeLessThanOrEqual(2);
    await reader.cancel();
    expect(ended).toBe(true);
    expect(pulled.length).toBeLessThanOrEqual(2);
  });

  it("renders again exactly what changed since the last export, however it changed", async () => {
    // A transaction is a handle of its own, with nothing kept: the export as read afresh.
    const afresh = () => t.db.transaction((tx) => exportCatalogYaml(tx));
    await exportCatalogYaml(t.db);
    const edits = [
      () =>
        t.db
          .update(services)
          .set({ description: "Edited after an export." })
          .where(eq(services.slug, "ledger")),
      // Renaming a dependency changes the documents of the services that depend on it.
      () => t.db.update(services).set({ slug: "edge-network" }).where(eq(services.slug, "cdn-edge")),
      // So does renaming the team that owns them.
      () => t.db.update(teams).set({ slug: "payments-team" }).where(eq(teams.slug, "payments")),
      () => t.db.update(services).set({ archivedAt: new Date() }).where(eq(services.slug, "waf")),
      () => t.db.update(services).set({ archivedAt: null }).where(eq(services.slug, "waf")),
      () =>
        t.db
          .update(services)
          .set({ tags: ["edited", "tags"], scorecardLevel: "gold" })
          .where(eq(services.slug, "api-gateway")),
    ];
    for (const edit of edits) {
      await edit();
      expect(await exportCatalogYaml(t.db)).toBe(await afresh());
    }
    const yaml = (await exportCatalogYaml(t.db)) ?? "";
    expect(names(yaml, "Component")).toContain("edge-network");
    const dependencies = docs(yaml).flatMap((d) => d.spec?.dependsOn ?? []);
    expect(dependencies.some((d) => d.endsWith("edge-network"))).toBe(true);
    expect(dependencies.filter((d) => d.endsWith("cdn-edge"))).toEqual([]);
  });
});
