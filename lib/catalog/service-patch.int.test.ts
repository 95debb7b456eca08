import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, services } from "@/db/schema";
import { executeCommand } from "@/lib/command/execute";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { addDependency } from "./dependency-commands";
import {
  archiveService,
  createService,
  patchService,
  restoreService,
  updateService,
} from "./service-commands";
import { serviceJson } from "./service-json";

const t = withTestDatabase();
let people: Awaited<ReturnType<typeof demo>>;
beforeAll(async () => {
  people = await demo(t.db);
});

const row = async (slug: string) => (await t.db.select().from(services).where(eq(services.slug, slug)))[0];
const audits = async (slug: string) =>
  (
    await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "service"), eq(auditLog.entityId, slug)))
  )[0].n;
const fieldErrors = (result: { ok: boolean; fieldErrors?: Record<string, string> }) =>
  result.ok ? {} : (result.fieldErrors ?? {});

describe("text fields refuse control characters", () => {
  it("names every field that holds one, on create and on edit, and stores nothing", async () => {
    const created = await executeCommand(createService, people.engineer, {
      slug: "nul-probe",
      name: "Nul\u0000Probe",
      ownerTeam: "payments",
      description: "rings a bell\u0007",
      onCall: "payments\nprimary",
      repoUrl: "https://git.example.com/x\u0000y",
      links: [{ title: "Dash\u001bboard", url: "https://grafana.example.com/d/x" }],
      system: "payments\u007f",
    });
    expect(created).toMatchObject({ ok: false, code: "invalid" });
    expect(Object.keys(fieldErrors(created)).sort()).toEqual(
      ["description", "links.0.title", "name", "onCall", "repoUrl", "system"].sort(),
    );
    expect(fieldErrors(created).name).toBe("Contains an invisible control character (U+0000); remove it.");
    expect(fieldErrors(created).onCall).toBe("Must be a single line, without line breaks or tabs.");
    expect(await row("nul-probe")).toBeUndefined();

    const edit = await executeCommand(updateService, people.engineer, {
      slug: "refunds",
      businessDomain: "money\u0000",
    });
    expect(fieldErrors(edit)).toEqual({
      businessDomain: "Contains an invisible control character (U+0000); remove it.",
    });
  });

  it("lets a description keep its line breaks and tabs", async () => {
    const description = "Refunds, reversals\r\nand chargebacks:\n\t- card\n\t- wallet";
    const edit = await executeCommand(updateService, people.engineer, { slug: "refunds", description });
    expect(edit).toMatchObject({ ok: true, data: { description } });
  });
});

describe("numbers and dates are what they say", () => {
  it("refuses arrays, booleans, junk, fractions and infinities for minutes (never 0 or 1)", async () => {
    for (const rtoMinutes of [[], true, false, "12abc", 1.5, "1.5", Number.POSITIVE_INFINITY, {}, " "]) {
      const result = await executeCommand(updateService, people.engineer, { slug: "refunds", rtoMinutes });
      expect(result.ok, JSON.stringify(rtoMinutes)).toBe(false);
      expect(Object.keys(fieldErrors(result))).toEqual(["rtoMinutes"]);
    }
    // A form sends numbers as text: that stays allowed.
    expect(
      await executeCommand(updateService, people.engineer, { slug: "refunds", rtoMinutes: "45" }),
    ).toMatchObject({ ok: true, data: { rtoMinutes: 45 } });
  });

  it("refuses dates outside 1970–9999 with a message on the field", async () => {
    for (const lastDrTestAt of ["0001-01-01", "+275760-09-13", "1969-12-31T23:59:59Z"]) {
      const result = await executeCommand(updateService, people.engineer, { slug: "refunds", lastDrTestAt });
      expect(fieldErrors(result), lastDrTestAt).toEqual({
        lastDrTestAt: "Use a date between 1970 and 9999.",
      });
    }
    for (const lastDrTestAt of [true, 0, [], "31/12/2025"]) {
      const result = await executeCommand(updateService, people.engineer, { slug: "refunds", lastDrTestAt });
      expect(fieldErrors(result), JSON.stringify(lastDrTestAt)).toEqual({
        lastDrTestAt: "Use a date like 2026-03-31.",
      });
    }
  });
});

describe("a PATCH that changes nothing", () => {
  it("writes nothing: no updated_at, no audit row, whether it sends no field or only current values", async () => {
    await executeCommand(updateService, people.engineer, {
      slug: "invoicing",
      links: "Runbook | https://wiki.example.com/invoicing | docs",
      lastDrTestAt: "2026-01-15",
      rtoMinutes: "60",
      tags: "finance, billing",
    });
    const before = await row("invoicing");
    const beforeAudits = await audits("invoicing");
    const current = await serviceJson(t.db, "invoicing");
    const same = [
      { slug: "invoicing" },
      { slug: "invoicing", name: "Invoicing", tier: "tier2", ownerTeam: "payments" },
      // The edit form sends every field as text, so an unchanged form is a no-op too.
      {
        slug: "invoicing",
        name: " Invoicing ",
        description: before.description,
        links: "Runbook | https://wiki.example.com/invoicing | docs",
        tags: "finance, billing",
        lastDrTestAt: "2026-01-15",
        rtoMinutes: "60",
        rpoMinutes: "",
        onCall: "",
      },
    ];
    for (const input of same) {
      const result = await executeCommand(updateService, people.engineer, input);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: true });
    }
    const patched = await executeCommand(patchService, people.engineer, {
      slug: "invoicing",
      archived: false,
      dependsOn: [...current!.dependsOn].reverse(),
      links: [{ kind: "docs", url: "https://wiki.example.com/invoicing", title: "Runbook" }],
    });
    expect(patched).toMatchObject({
      ok: true,
      data: { slug: "invoicing", updatedAt: before.updatedAt.toJSON() },
    });
    expect(await executeCommand(restoreService, people.engineer, { slug: "invoicing" })).toMatchObject({
      ok: true,
    });
    expect(
      await executeCommand(addDependency, people.engineer, { slug: "invoicing", dependsOn: "ledger" }),
    ).toMatchObject({
      ok: true,
      data: { created: false },
    });
    expect((await row("invoicing")).updatedAt).toEqual(before.updatedAt);
    expect(await audits("invoicing")).toBe(beforeAudits);
  });

  it("refuses unknown fields by name instead of ignoring a typo", async () => {
    const result = await executeCommand(patchService, people.engineer, {
      slug: "invoicing",
      teir: "tier0",
      tier: "tier1",
    });
    expect(result).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { teir: "Unknown field; check its spelling." },
    });
    expect(result.ok ? "" : result.error).toBe("teir: Unknown field; check its spelling.");
    expect((await row("invoicing")).tier).toBe("tier2");
  });
});

describe("patchService", () => {
  it("applies fields, archiving and the dependency set in one transaction with one audit row, and answers with what it committed", async () => {
    const beforeAudits = await audits("settlement");
    const result = await executeCommand(patchService, people.engineer, {
      slug: "settlement",
      description: "Settlement files with acquirers.",
      tier: "tier2",
      archived: true,
      dependsOn: ["ledger", "object-storage"],
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.data).toMatchObject({
      slug: "settlement",
      description: "Settlement files with acquirers.",
      tier: "tier2",
      archived: true,
      dependsOn: ["ledger", "object-storage"],
    });
    expect(result.data).toEqual(await serviceJson(t.db, "settlement"));
    expect(await audits("settlement")).toBe(beforeAudits + 1);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "service.patch"), eq(auditLog.entityId, "settlement")));
    expect(audit.before).toMatchObject({
      tier: "tier1",
      archivedAt: null,
      dependsOn: ["ledger", "legacy-ftp", "object-storage"],
    });
    expect(audit.after).toMatchObject({ tier: "tier2", dependsOn: ["ledger", "object-storage"] });
  });

  it("is all or nothing: an unknown dependency leaves the fields and the archive state as they were", async () => {
    const before = await serviceJson(t.db, "settlement");
    const result = await executeCommand(patchService, people.engineer, {
      slug: "settlement",
      tier: "tier0",
      archived: false,
      dependsOn: ["ledger", "no-such-thing"],
    });
    expect(result).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { dependsOn: "Unknown service: no-such-thing." },
    });
    expect(await serviceJson(t.db, "settlement")).toEqual(before);
  });

  it("checks ownership before anything, and refuses an archived flag that is not a boolean", async () => {
    expect(
      await executeCommand(patchService, people.engineer, { slug: "postgres-primary", archived: true }),
    ).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(
      await executeCommand(patchService, people.engineer, { slug: "settlement", archived: "yes" }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { archived: "Must be true or false." },
    });
    expect(await executeCommand(archiveService, people.engineer, { slug: "settlement" })).toMatchObject({
      ok: true,
    });
  });
});
