import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, services } from "@/db/schema";
import { cliActor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/command/execute";
import { send, tokenFor } from "@/tests/api/helpers";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { serviceJson } from "../service-json";
import { importCatalog } from "./apply";
import { planImport } from "./plan";

const t = withTestDatabase();
beforeAll(async () => {
  await demo(t.db);
  // What a sparse file must not take away: a runbook, on-call, a link and recovery targets.
  await t.db
    .update(services)
    .set({
      runbookUrl: "https://runbooks.example.com/ledger",
      onCall: "pagerduty:PLEDGER",
      links: [{ url: "https://grafana.example.com/d/ledger", title: "Dashboard", kind: "dashboard" }],
      rtoMinutes: 15,
    })
    .where(eq(services.slug, "ledger"));
});

const component = (metadata: string, spec: string) => `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: ledger${metadata} }
spec: { type: service, owner: group:default/payments${spec} }
`;
const SPARSE = component("", "");
const ledger = () => serviceJson(t.db, "ledger");
const auditRows = async () => (await t.db.select().from(auditLog)).length;

describe("importing over an existing service", () => {
  it("keeps every field the file does not state", async () => {
    const before = await ledger();
    const plan = await planImport(t.db, cliActor, SPARSE);
    expect(plan.rows).toEqual([{ ref: "component:default/ledger", kind: "component", action: "unchanged" }]);
    const result = await executeCommand(importCatalog, cliActor, { yaml: SPARSE });
    expect(result.ok).toBe(true);
    expect(await ledger()).toEqual(before);
    expect(before).toMatchObject({
      name: "Ledger",
      tier: "tier0",
      onCall: "pagerduty:PLEDGER",
      runbookUrl: "https://runbooks.example.com/ledger",
      dependsOn: ["event-bus", "postgres-primary"],
      rtoMinutes: 15,
    });
  });

  it("replaces what the file states, and shows each field before → after", async () => {
    const file = component(
      ", title: General Ledger, description: Balances of record.",
      ", lifecycle: production",
    );
    const plan = await planImport(t.db, cliActor, file);
    const row = plan.rows.find((r) => r.ref === "component:default/ledger")!;
    expect(row.action).toBe("update");
    expect(row.diff).toEqual([
      { field: "name", label: "Name", before: "Ledger", after: "General Ledger" },
      {
        field: "description",
        label: "Description",
        before: "Double-entry ledger; the source of truth for balances.",
        after: "Balances of record.",
      },
    ]);
    expect(row.warnings).toBeUndefined();
    expect(plan.warnings).toBe(0);
    const result = await executeCommand(importCatalog, cliActor, { yaml: file });
    expect(result.ok).toBe(true);
    expect(await ledger()).toMatchObject({
      name: "General Ledger",
      tier: "tier0",
      onCall: "pagerduty:PLEDGER",
    });
  });

  it("warns of removals and applies them only when they are confirmed", async () => {
    const file = component(
      ", links: [], annotations: { pharos.io/tier: tier2 }",
      ", lifecycle: production, dependsOn: [component:default/postgres-primary]",
    );
    const plan = await planImport(t.db, cliActor, file);
    const row = plan.rows.find((r) => r.ref === "component:default/ledger")!;
    expect(row.warnings).toEqual([
      "removes the dependency on event-bus",
      "removes the link Dashboard (https://grafana.example.com/d/ledger)",
      "lowers the tier from tier0 to tier2",
    ]);
    expect(row.diff?.map((d) => d.field)).toEqual(["tier", "links", "dependsOn"]);
    expect(plan.warnings).toBe(1);

    const before = await ledger();
    const audits = await auditRows();
    const refused = await executeCommand(importCatalog, cliActor, { yaml: file });
    expect(refused).toMatchObject({ ok: false, code: "conflict" });
    expect(await ledger()).toEqual(before);
    expect(await auditRows()).toBe(audits);

    const confirmed = await executeCommand(importCatalog, cliActor, { yaml: file, confirmRemovals: true });
    expect(confirmed.ok).toBe(true);
    expect(await ledger()).toMatchObject({
      tier: "tier2",
      links: [],
      dependsOn: ["postgres-primary"],
      onCall: "pagerduty:PLEDGER",
      runbookUrl: "https://runbooks.example.com/ledger",
    });
  });

  it("takes the confirmation as ?confirmRemovals=true over the API, and 409s without it", async () => {
    const { token } = await tokenFor(t.db, "admin");
    const file = component(", annotations: { pharos.io/tier: tier3 }", "");
    const post = (query: string) =>
      send(
        "POST",
        new Request(`http://localhost/api/v1/catalog/import${query}`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/yaml" },
          body: file,
        }),
      );
    const preview = await (await post("?dryRun=true")).json();
    expect(preview.rows[0].warnings).toEqual(["lowers the tier from tier2 to tier3"]);
    const unclear = await post("?confirmRemovals=yes");
    expect(unclear.status).toBe(400);
    expect((await unclear.json()).error.message).toMatch(/true or false/);
    const refused = await post("");
    expect(refused.status).toBe(409);
    expect((await ledger())!.tier).toBe("tier2");
    expect((await post("?confirmRemovals=true")).status).toBe(200);
    expect((await ledger())!.tier).toBe("tier3");
  });
});
