import { count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { auditLog, services, teams, users } from "@/db/schema";
import { cliActor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/command/execute";
import { runQuery } from "@/lib/query/run";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { importPreviewRead } from "../api-reads";
import { assertBackstageValid } from "../backstage/testing";
import { exportCatalogYaml } from "../export";
import { getServiceDetail } from "../service-queries";
import { importCatalog } from "./apply";
import { MAX_IMPORT_BYTES } from "./limits";
import { type ImportPlan, planImport } from "./plan";

const t = withTestDatabase();
let people: Awaited<ReturnType<typeof demo>>;
beforeAll(async () => {
  people = await demo(t.db);
});

const FILE = `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: search-team, description: Search and discovery }
spec: { type: team, profile: { displayName: Search Team }, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: rin }
spec: { profile: { email: rin@example.com, displayName: Rin Sato }, memberOf: [search-team] }
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: discovery }
spec: { owner: search-team, domain: storefront }
---
apiVersion: backstage.io/v1alpha1
kind: Domain
metadata: { name: storefront }
spec: { owner: search-team }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: search-api
  title: Search API
  description: Product search over the catalog index.
  tags: [search, api]
  links: [{ url: "https://grafana.example.com/d/search", title: Dashboard, type: dashboard }]
  annotations: { pharos.io/tier: tier1, backstage.io/source-location: "url:https://github.com/acme/search-api", pagerduty.com/service-id: P123 }
spec:
  type: service
  lifecycle: production
  owner: group:default/search-team
  system: discovery
  dependsOn: [component:default/search-index, component:default/search-ranker, resource:default/search-bucket]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: search-ranker, description: Learning-to-rank model server for search results. }
spec: { type: service, lifecycle: experimental, owner: search-team }
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: search-openapi }
spec: { type: openapi, lifecycle: production, owner: search-team, definition: "{}" }
`;

const counts = async () => ({
  services: (await t.db.select({ n: count() }).from(services))[0].n,
  teams: (await t.db.select({ n: count() }).from(teams))[0].n,
  users: (await t.db.select({ n: count() }).from(users))[0].n,
  audit: (await t.db.select({ n: count() }).from(auditLog))[0].n,
});

describe("Backstage import", () => {
  it("previews every entity without writing", async () => {
    const before = await counts();
    const plan = await planImport(t.db, cliActor, FILE);
    expect(plan.ok).toBe(true);
    const byRef = Object.fromEntries(plan.rows.map((r) => [r.ref, r.action]));
    expect(byRef).toMatchObject({
      "group:default/search-team": "create",
      "user:default/rin": "create",
      "component:default/search-api": "create",
      "component:default/search-ranker": "create",
      "api:default/search-openapi": "skipped",
      "system:default/discovery": "skipped",
    });
    expect(plan.rows.find((r) => r.ref === "component:default/search-api")?.reason).toContain(
      "resource:default/search-bucket",
    );
    expect(await counts()).toEqual(before);
  });

  it("imports everything in one go, and a second import changes nothing", async () => {
    const result = await executeCommand(importCatalog, cliActor, { yaml: FILE });
    expect(result).toMatchObject({ ok: true, data: { counts: { create: 4, error: 0 } } });
    const detail = await getServiceDetail(t.db, "search-api");
    expect(detail?.service).toMatchObject({
      tier: "tier1",
      system: "discovery",
      businessDomain: "storefront",
      onCall: "pagerduty:P123",
      repoUrl: "https://github.com/acme/search-api",
    });
    expect(detail?.team?.slug).toBe("search-team");
    expect(detail?.upstream.map((u) => u.slug).sort()).toEqual(["search-index", "search-ranker"]);
    const [rin] = await t.db.select().from(users).where(eq(users.email, "rin@example.com"));
    expect(rin).toMatchObject({ name: "Rin Sato", passwordHash: null, role: "viewer" });

    const after = await counts();
    const again = await executeCommand(importCatalog, cliActor, { yaml: FILE });
    expect(again).toMatchObject({ ok: true, data: { counts: { create: 0, update: 0, unchanged: 4 } } });
    const final = await counts();
    expect({ ...final, audit: 0 }).toEqual({ ...after, audit: 0 });
    expect(final.audit).toBe(after.audit + 1); // only the import's own summary row
  });

  it("vacuums and analyzes after a bulk load, and not after a small one", async () => {
    const stats = async () => {
      const rows = (await t.db.execute(
        sql`select vacuum_count + autovacuum_count as vacuums from pg_stat_user_tables where relname = 'services'`,
      )) as unknown as { rows?: { vacuums: number }[] } & { vacuums: number }[];
      return Number((rows.rows ?? rows)[0].vacuums);
    };
    const before = await stats();
    const bulk = Array.from(
      { length: 600 },
      (_, i) => `---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: bulk-${i} }
spec: { type: service, lifecycle: production, owner: search-team${i ? `, dependsOn: [component:bulk-${i - 1}]` : ""} }
`,
    ).join("");
    const result = await executeCommand(importCatalog, cliActor, { yaml: bulk });
    expect(result).toMatchObject({ ok: true, data: { counts: { create: 600 } } });
    expect(await stats()).toBeGreaterThan(before);
    const afterBulk = await stats();
    await executeCommand(importCatalog, cliActor, {
      yaml: bulk.replace("name: bulk-0 }", "name: bulk-0, description: Changed }"),
    });
    expect(await stats()).toBe(afterBulk);
  });

  it("updates what changed and reports the fields", async () => {
    const changed = FILE.replace(
      "Product search over the catalog index.",
      "Product search, now with typo tolerance.",
    );
    const plan = await planImport(t.db, cliActor, changed);
    expect(plan.rows.find((r) => r.ref === "component:default/search-api")).toMatchObject({
      action: "update",
      changes: ["description"],
    });
  });

  it("is all or nothing: one dangling reference blocks the whole file", async () => {
    const before = await counts();
    const broken = `${FILE}
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: search-suggest, description: Suggestions while typing in the search box. }
spec: { type: service, lifecycle: production, owner: search-team, dependsOn: [component:default/does-not-exist] }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: orphan-thing, description: Owned by a group nobody has heard of. }
spec: { type: service, lifecycle: production, owner: group:default/ghosts }
---
apiVersion: backstage.io/v1alpha1
kind: Widget
metadata: { name: gizmo }
spec: {}
`;
    const result = await executeCommand(importCatalog, cliActor, { yaml: broken });
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    const rows = (
      result.ok ? [] : (result.details as { rows: { ref: string; action: string; reason?: string }[] }).rows
    ).filter((r) => r.action === "error");
    expect(rows.map((r) => r.ref).sort()).toEqual([
      "component:default/orphan-thing",
      "component:default/search-suggest",
      "widget:default/gizmo",
    ]);
    expect(rows.find((r) => r.ref === "component:default/search-suggest")?.reason).toContain(
      "component:default/does-not-exist is neither in this file nor in Pharos",
    );
    expect(rows.find((r) => r.ref === "widget:default/gizmo")?.reason).toBe('Unknown kind "Widget"');
    expect(await counts()).toEqual(before);
  });

  it("refuses entities with control characters by name, in the dry run and the real run alike", async () => {
    const before = await counts();
    const file = `${FILE}
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: search-nul, description: "Index\\0builder" }
spec: { type: service, lifecycle: production, owner: search-team }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: bell-team }
spec: { type: team, profile: { displayName: "Bell\\x07Team" }, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: search-dr, annotations: { pharos.io/last-dr-test: "0001-01-01" } }
spec: { type: service, lifecycle: production, owner: search-team }
`;
    const expected = [
      {
        ref: "component:default/search-dr",
        reason: expect.stringContaining("must be a date between 1970 and 9999"),
      },
      {
        ref: "component:default/search-nul",
        reason: "metadata.description: contains a control character (U+0000)",
      },
      {
        ref: "group:default/bell-team",
        reason:
          "spec.profile.displayName: contains a control character (U+0007), which this one-line field cannot hold",
      },
    ];
    const errorRows = (rows: { ref: string; action: string; reason?: string }[]) =>
      rows
        .filter((r) => r.action === "error")
        .map(({ ref, reason }) => ({ ref, reason }))
        .sort((a, b) => a.ref.localeCompare(b.ref));
    const dryRun = await planImport(t.db, cliActor, file);
    expect(errorRows(dryRun.rows)).toEqual(expected);
    // The dry run the API and the import page call reads the file the same way.
    const preview = await runQuery(importPreviewRead, cliActor, { yaml: file });
    expect(errorRows(preview.ok ? preview.data.rows : [])).toEqual(expected);
    // The others are judged as usual: only these three entities are in error.
    expect(dryRun.rows.find((r) => r.ref === "component:default/search-api")?.action).toBe("unchanged");
    const result = await executeCommand(importCatalog, cliActor, { yaml: file });
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    expect(errorRows(result.ok ? [] : (result.details as ImportPlan).rows)).toEqual(expected);
    expect(await counts()).toEqual(before);
  });

  it("refuses a file over the limit before reading it, with the limit in the message", async () => {
    const big = `${"#".repeat(MAX_IMPORT_BYTES - 2)}\n€`;
    expect(Buffer.byteLength(big)).toBeGreaterThan(MAX_IMPORT_BYTES);
    expect(big.length).toBeLessThanOrEqual(MAX_IMPORT_BYTES);
    const refused = {
      ok: false,
      code: "invalid",
      fieldErrors: { yaml: "Files are limited to 50 MB. Split the catalog into smaller files." },
    };
    expect(await executeCommand(importCatalog, cliActor, { yaml: big })).toMatchObject(refused);
    expect(await runQuery(importPreviewRead, cliActor, { yaml: big })).toMatchObject(refused);
  });

  it("reports a file that is not YAML", async () => {
    const result = await executeCommand(importCatalog, cliActor, { yaml: "{ this is: [not yaml" });
    expect(result).toMatchObject({ ok: false, code: "invalid" });
  });

  it("limits an engineer to their own teams' services and refuses new teams", async () => {
    const plan = await planImport(t.db, people.engineer, FILE.replace(/search-team/g, "payments-squad"));
    const errors = plan.rows.filter((r) => r.action === "error");
    expect(errors.map((r) => r.ref)).toContain("group:default/payments-squad");
    const own = await planImport(
      t.db,
      people.engineer,
      `apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: payments-reporter, description: Daily payments report for finance. }
spec: { type: service, lifecycle: production, owner: payments }`,
    );
    expect(own.ok).toBe(true);
  });
});

describe("Backstage export", () => {
  it("exports the whole catalog as entities Backstage's own validators accept", async () => {
    const yaml = await exportCatalogYaml(t.db);
    const docs = parseAllDocuments(yaml!).map((d) => d.toJS());
    expect(docs.filter((d) => d.kind === "Component").length).toBeGreaterThanOrEqual(40);
    expect(docs.filter((d) => d.kind === "Group").length).toBeGreaterThanOrEqual(6);
    for (const doc of docs) await assertBackstageValid(doc);
    const payments = docs.find((d) => d.metadata.name === "payments-api");
    expect(payments.spec).toMatchObject({ owner: "group:default/payments", lifecycle: "production" });
    expect(payments.spec.dependsOn).toContain("component:default/ledger");
  });

  it("round-trips: importing the export changes nothing", async () => {
    const yaml = await exportCatalogYaml(t.db);
    const plan = await planImport(t.db, cliActor, yaml!);
    expect(plan.rows.filter((r) => r.action === "update" || r.action === "error")).toEqual([]);
    expect(plan.counts).toMatchObject({ create: 0, update: 0, error: 0 });
  });
});
