import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema/platform";
import { slos } from "@/db/schema/slo";
import { seedDemo } from "@/db/seed/demo";
import { cliActor } from "@/lib/auth/actor";
import { runQuery } from "@/lib/query/run";
import { sloRead } from "@/lib/slo/reads";
import { call, send, tokenFor } from "@/tests/api/helpers";
import { withTestDatabase } from "@/tests/database";
import { makePerson } from "@/tests/security/callers";
import { toOpenSloYaml } from "./export";
import { importOpenSlo } from "./import";
import type { OpenSloImportReport } from "./report";
import { fixture, sloDoc } from "./testing";

const t = withTestDatabase();

beforeAll(async () => {
  await seedDemo(t.db);
});

async function counts() {
  const [row] = await t.db
    .select({
      slos: sql<number>`(select count(*)::int from ${slos})`,
      audit: sql<number>`(select count(*)::int from ${auditLog})`,
    })
    .from(sql`(select 1) as one`);
  return row;
}

/** The file with every SLO on the demo's ledger service (owned by payments). */
const onLedger = (text: string) => text.replaceAll(/^ {2}service: .*$/gm, "  service: ledger");
const reportOf = (result: Awaited<ReturnType<typeof importOpenSlo>>): OpenSloImportReport => {
  if (result.ok) return result.data;
  if (!result.details) throw new Error(result.error);
  return result.details as OpenSloImportReport;
};

describe("importOpenSlo", () => {
  it("a dry run reports what would be created and writes nothing", async () => {
    const before = await counts();
    const result = await importOpenSlo(cliActor, onLedger(fixture("several-objectives.yaml")), {
      dryRun: true,
    });
    expect(result.ok).toBe(true);
    const report = reportOf(result);
    expect(report).toMatchObject({ dryRun: true, slos: 2, created: 0, errors: 0 });
    expect(report.documents[0]).toMatchObject({ status: "would-create" });
    expect(report.documents[0].slos?.map((s) => s.name)).toEqual([
      "foo-errors — Foo Total Errors",
      "foo-errors — Bar Total Errors",
    ]);
    expect(await counts()).toEqual(before);
  });

  it("writes nothing when one document has an error, and reports every document", async () => {
    const before = await counts();
    const text = `${onLedger(sloDoc())}---\n${onLedger(sloDoc({ window: "    - duration: 2d\n      isRolling: true" }))}`;
    const result = await importOpenSlo(cliActor, text);
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    const report = reportOf(result);
    expect(report.documents.map((d) => d.status)).toEqual(["would-create", "error"]);
    expect(report.documents[1].errors).toEqual([
      "documents[1].spec.timeWindow[0].duration: 2d is not a Pharos window (7d, 28d, 30d, 90d, or a calendar week/month/quarter)",
    ]);
    expect(report.created).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it("refuses an unknown service, and one the caller's team does not own, by path and without writing", async () => {
    const { actor } = await makePerson(t.db, "engineer-other-team");
    const { actor: owner } = await makePerson(t.db, "engineer-owning-team");
    const before = await counts();
    const unknown = await importOpenSlo(
      cliActor,
      sloDoc().replace("service: api", "service: no-such-service"),
    );
    expect(reportOf(unknown).documents[0].errors).toEqual([
      'documents[0].spec.service: no Pharos service has the slug "no-such-service"',
    ]);
    const foreign = await importOpenSlo(actor, onLedger(sloDoc()));
    expect(reportOf(foreign).documents[0].errors).toEqual([
      'documents[0].spec.service: only members of the team that owns "ledger" (or an admin) may define its SLOs',
    ]);
    expect((await importOpenSlo(owner, onLedger(sloDoc()), { dryRun: true })).ok).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it("creates one SLO per objective through the create command, each audited as slo.create", async () => {
    const before = await counts();
    const result = await importOpenSlo(cliActor, onLedger(fixture("indicator-ref.yaml")));
    expect(result.ok).toBe(true);
    const report = reportOf(result);
    expect(report).toMatchObject({ dryRun: false, slos: 1, created: 1, errors: 0 });
    const created = report.documents.find((d) => d.status === "created")!;
    const id = created.slos![0].id!;
    const [row] = await t.db.select().from(slos).where(eq(slos.id, id));
    expect(row).toMatchObject({
      name: "Foo availability (monthly)",
      target: 0.995,
      windowKind: "calendar",
      calendarUnit: "month",
      timeZone: "America/New_York",
    });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audits.map((a) => a.action)).toEqual(["slo.create"]);
    expect((await counts()).slos).toBe(before.slos + 1);
    // The same file again: the name is taken now, so nothing is written.
    const again = await importOpenSlo(cliActor, onLedger(fixture("indicator-ref.yaml")));
    expect(reportOf(again).documents[3].errors[0]).toMatch(
      /"ledger" already has an SLO named "Foo availability \(monthly\)"/,
    );
  });

  it("exports an SLO that imports again to the same definition", async () => {
    const made = await importOpenSlo(cliActor, onLedger(fixture("threshold-timeslices.yaml")));
    const id = reportOf(made).documents[0].slos![0].id!;
    const original = await runQuery(sloRead, cliActor, { id });
    if (!original.ok) throw new Error(original.error);
    const exported = toOpenSloYaml({
      id,
      service: "fraud-scoring",
      definition: original.data.definition,
    });
    const again = await importOpenSlo(cliActor, exported);
    expect(again.ok).toBe(true);
    const copyId = reportOf(again).documents[0].slos![0].id!;
    const copy = await runQuery(sloRead, cliActor, { id: copyId });
    if (!copy.ok) throw new Error(copy.error);
    expect(copy.data.definition).toEqual(original.data.definition);
    expect(copy.data.service.slug).toBe("fraud-scoring");
  });
});

describe("the OpenSLO REST routes", () => {
  it("import with dryRun answers 200 with the report, and 400 with it when a document is wrong", async () => {
    const { token } = await tokenFor(t.db, "admin", ["admin"]);
    const post = (query: string, body: string) => {
      const request = call(`/api/v1/openslo/import${query}`, { method: "POST", token, rawBody: body });
      request.headers.set("content-type", "application/yaml");
      return send("POST", request);
    };
    const before = await counts();
    const ok = await post("?dryRun=true", onLedger(sloDoc()));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ dryRun: true, slos: 1, created: 0 });
    const bad = await post("", onLedger(sloDoc({ budgeting: "RatioTimeslices" })));
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.error.details.documents[0].errors[0]).toMatch(/^documents\[0\]\.spec\.budgetingMethod: /);
    expect(await counts()).toEqual(before);
    const made = await post("", onLedger(sloDoc({ metadata: "  name: rest-made" })));
    expect(made.status).toBe(200);
    const id = (await made.json()).documents[0].slos[0].id;
    const exported = await send("GET", call(`/api/v1/slos/${id}/openslo.yaml`, { token }));
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toMatch(/^application\/yaml/);
    expect(exported.headers.get("content-disposition")).toBe('attachment; filename="rest-made.openslo.yaml"');
    expect(await exported.text()).toMatch(/^apiVersion: openslo\/v1\nkind: SLO\n/);
  });
});
