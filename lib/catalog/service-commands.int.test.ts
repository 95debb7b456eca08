import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, services } from "@/db/schema";
import { executeCommand } from "@/lib/command/execute";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { addDependency, removeDependency } from "./dependency-commands";
import {
  archiveService,
  createService,
  restoreService,
  updateService,
  verifyService,
} from "./service-commands";
import { getServiceDetail } from "./service-queries";

const t = withTestDatabase();
let people: Awaited<ReturnType<typeof demo>>;
beforeAll(async () => {
  people = await demo(t.db);
});

const serviceCount = async () => (await t.db.select({ n: count() }).from(services))[0].n;

describe("registering and editing services", () => {
  it("an engineer registers a service for their team; it is scored and audited", async () => {
    const result = await executeCommand(createService, people.engineer, {
      slug: "refund-notifier",
      name: "Refund Notifier",
      description: "Tells customers their refund went through.",
      ownerTeam: "payments",
      tier: "tier2",
      repoUrl: "https://git.example.com/payments/refund-notifier",
      onCall: "payments-primary",
      tags: "payments, Notifications",
      links: "Dashboard | https://grafana.example.com/d/refunds | dashboard",
      dependsOn: ["refunds", "notification-hub"],
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.data).toMatchObject({
      slug: "refund-notifier",
      tier: "tier2",
      tags: ["payments", "notifications"],
      scorecardLevel: "bronze",
    });
    const detail = await getServiceDetail(t.db, "refund-notifier");
    expect(detail?.upstream.map((u) => u.slug).sort()).toEqual(["notification-hub", "refunds"]);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "service.create"), eq(auditLog.entityId, "refund-notifier")));
    expect(audit.actorLabel).toBe("engineer@pharos.demo");
  });

  it("refuses another team's service (403) and a viewer, writing nothing", async () => {
    const before = await serviceCount();
    const other = await executeCommand(createService, people.engineer, {
      slug: "sneaky-db",
      name: "Sneaky",
      ownerTeam: "data",
    });
    expect(other).toMatchObject({ ok: false, code: "forbidden" });
    expect(
      await executeCommand(createService, people.viewer, {
        slug: "viewer-svc",
        name: "V",
        ownerTeam: "payments",
      }),
    ).toMatchObject({ ok: false, code: "forbidden" });
    const edit = await executeCommand(updateService, people.engineer, {
      slug: "postgres-primary",
      tier: "tier3",
    });
    expect(edit).toMatchObject({ ok: false, code: "forbidden" });
    expect((await getServiceDetail(t.db, "postgres-primary"))?.service.tier).toBe("tier0");
    expect(await serviceCount()).toBe(before);
  });

  it("names the existing service on a duplicate slug (409)", async () => {
    const dupe = await executeCommand(createService, people.engineer, {
      slug: "payments-api",
      name: "Again",
      ownerTeam: "payments",
    });
    expect(dupe).toMatchObject({ ok: false, code: "conflict" });
    expect(dupe.ok ? "" : dupe.error).toBe(
      'The slug "payments-api" is already used by Payments API (owned by Payments).',
    );
  });

  it("gives field errors for malformed URLs, unknown teams, over-long fields and reserved slugs", async () => {
    const bad = await executeCommand(createService, people.admin, {
      slug: "new",
      name: "x".repeat(121),
      ownerTeam: "payments",
      repoUrl: "git@github.com:x/y",
      rtoMinutes: "-5",
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.fieldErrors).toMatchObject({
      slug: "This slug is reserved; choose another.",
      name: "Name must be at most 120 characters.",
      repoUrl: expect.stringContaining("full http(s) URL"),
      rtoMinutes: "Cannot be negative.",
    });
    const team = await executeCommand(createService, people.admin, {
      slug: "orphan",
      name: "Orphan",
      ownerTeam: "ghosts",
    });
    expect(team).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { ownerTeam: 'Unknown team "ghosts".' },
    });
  });

  it("edits, clears fields, archives, restores and verifies", async () => {
    const edited = await executeCommand(updateService, people.engineer, {
      slug: "refund-notifier",
      tier: "tier1",
      onCall: "",
    });
    expect(edited).toMatchObject({ ok: true, data: { tier: "tier1", onCall: null, scorecardLevel: "none" } });
    // Numbers and dates clear too: an emptied field is null, never 0 minutes or 1970-01-01.
    const dated = await executeCommand(updateService, people.engineer, {
      slug: "refund-notifier",
      rtoMinutes: "30",
      rpoMinutes: "5",
      lastDrTestAt: "2026-10-01",
    });
    expect(dated).toMatchObject({ ok: true, data: { rtoMinutes: 30, rpoMinutes: 5 } });
    for (const cleared of [
      { rtoMinutes: "", rpoMinutes: "", lastDrTestAt: "" },
      { rtoMinutes: null, rpoMinutes: null, lastDrTestAt: null },
    ]) {
      const result = await executeCommand(updateService, people.engineer, {
        slug: "refund-notifier",
        ...cleared,
      });
      expect(result).toMatchObject({
        ok: true,
        data: { rtoMinutes: null, rpoMinutes: null, lastDrTestAt: null },
      });
    }
    expect((await executeCommand(archiveService, people.engineer, { slug: "refund-notifier" })).ok).toBe(
      true,
    );
    expect((await getServiceDetail(t.db, "refund-notifier"))?.service.archivedAt).not.toBeNull();
    expect((await executeCommand(restoreService, people.engineer, { slug: "refund-notifier" })).ok).toBe(
      true,
    );
    const verified = await executeCommand(verifyService, people.engineer, { slug: "refund-notifier" });
    expect(verified.ok && verified.data.verifiedAt).toBeTruthy();
    expect(
      await executeCommand(updateService, people.engineer, { slug: "no-such-service", tier: "tier1" }),
    ).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("dependencies", () => {
  it("adds idempotently, refuses self and unknown edges, reports cycles and removes", async () => {
    const added = await executeCommand(addDependency, people.engineer, {
      slug: "payments-api",
      dependsOn: "redis-cache",
    });
    expect(added).toMatchObject({ ok: true, data: { created: true, cycle: null } });
    expect(
      await executeCommand(addDependency, people.engineer, {
        slug: "payments-api",
        dependsOn: "redis-cache",
      }),
    ).toMatchObject({ ok: true, data: { created: false } });
    expect(
      await executeCommand(addDependency, people.engineer, {
        slug: "payments-api",
        dependsOn: "payments-api",
      }),
    ).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { dependsOn: "A service cannot depend on itself." },
    });
    expect(
      await executeCommand(addDependency, people.engineer, {
        slug: "payments-api",
        dependsOn: "nope-service",
      }),
    ).toMatchObject({ ok: false, code: "invalid" });
    // ledger → … ; payments-api → ledger already. Make ledger depend on payments-api: a cycle.
    const cycle = await executeCommand(addDependency, people.engineer, {
      slug: "ledger",
      dependsOn: "payments-api",
    });
    expect(cycle).toMatchObject({ ok: true, data: { cycle: ["ledger", "payments-api", "ledger"] } });
    expect((await getServiceDetail(t.db, "ledger"))?.radius.cycle).toEqual([
      "ledger",
      "payments-api",
      "ledger",
    ]);
    expect(
      (await executeCommand(removeDependency, people.engineer, { slug: "ledger", dependsOn: "payments-api" }))
        .ok,
    ).toBe(true);
    expect(
      await executeCommand(removeDependency, people.engineer, { slug: "ledger", dependsOn: "payments-api" }),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect((await getServiceDetail(t.db, "ledger"))?.radius.cycle).toBeNull();
  });

  it("only the owning team changes a service's dependencies", async () => {
    expect(
      await executeCommand(addDependency, people.engineer, {
        slug: "postgres-primary",
        dependsOn: "redis-cache",
      }),
    ).toMatchObject({ ok: false, code: "forbidden" });
  });
});
