import { count, countDistinct, eq, isNotNull, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, serviceDependencies, services, teams, users } from "@/db/schema";
import { sliDaily, sloAlerts } from "@/db/schema/slo";
import { verifyPassword } from "@/lib/auth/password";
import { budgetFreeze, listSlos } from "@/lib/slo/queries";
import { withTestDatabase } from "@/tests/database";
import { seedDemo } from "./demo";
import { DEMO_PASSWORD } from "./demo-org";
import { DEMO_SLOS } from "./demo-slos";

const t = withTestDatabase();

describe("the demo seed", () => {
  it("creates a believable organisation once", async () => {
    // The whole demo (90 days of SLO traffic, a year of incidents): slow on a busy 2-core machine.
    const result = await seedDemo(t.db);
    expect(result.created).toBe(true);
    const [[teamCount], [serviceCount], [edgeCount], tiers, domains, roles] = await Promise.all([
      t.db.select({ n: count() }).from(teams),
      t.db.select({ n: count() }).from(services),
      t.db.select({ n: count() }).from(serviceDependencies),
      t.db.select({ n: countDistinct(services.tier) }).from(services),
      t.db.select({ n: countDistinct(services.domain) }).from(services),
      t.db.selectDistinct({ role: users.role }).from(users).where(isNotNull(users.passwordHash)),
    ]);
    expect(teamCount.n).toBeGreaterThanOrEqual(6);
    expect(serviceCount.n).toBeGreaterThanOrEqual(40);
    expect(edgeCount.n).toBeGreaterThanOrEqual(60);
    expect(tiers[0].n).toBe(4);
    expect(domains[0].n).toBe(6);
    expect(roles.map((r) => r.role).sort()).toEqual(["admin", "change_manager", "engineer", "viewer"]);
    const [admin] = await t.db.select().from(users).where(eq(users.email, "admin@pharos.demo"));
    expect(await verifyPassword(DEMO_PASSWORD, admin.passwordHash)).toBe(true);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, "seed.demo"));
    expect(audit.after).toMatchObject({ services: serviceCount.n });
  }, 120_000);

  it("seeds 90 days of SLO history, each demo SLO showing its case", async () => {
    const items = await listSlos(t.db);
    const state = (name: string) => items.find((s) => s.name === name)?.status;
    expect(items.length).toBe(DEMO_SLOS.length);
    expect(items.filter((s) => s.status.state === "healthy").length).toBeGreaterThan(items.length / 2);
    // The ledger burns slowly: at risk with a sliver of budget left, not yet breaching.
    expect(state("Ledger write availability")?.state).toBe("at_risk");
    expect(state("Ledger write availability")?.budgetRemaining).toBeGreaterThan(0);
    // Fraud scoring has spent its budget: its service is in budget freeze.
    expect(state("Fraud score availability")?.state).toBe("breaching");
    const frozen = await budgetFreeze(t.db);
    const [fraud] = await t.db.select().from(services).where(eq(services.slug, "fraud-scoring"));
    expect([...frozen.keys()]).toEqual([fraud.id]);
    // Payment authorisation is failing now: a page alert is open.
    const open = await t.db.select().from(sloAlerts).where(isNull(sloAlerts.resolvedAt));
    const paymentsId = items.find((s) => s.name === "Payment authorisation success")!.id;
    expect(open.filter((a) => a.sloId === paymentsId).map((a) => [a.rule, a.severity])).toContainEqual([
      "page_fast",
      "page",
    ]);
    // The failover drill is excluded, so postgres stays healthy; without it the budget would be gone.
    const postgres = state("Primary availability")!;
    expect(postgres.state).toBe("healthy");
    expect(postgres.excluded.length).toBeGreaterThan(0);
    expect(state("Profile reads")).toMatchObject({ state: "no_data", sli: null });
    // 90 days of 5-minute buckets for each SLO with traffic.
    const [{ n }] = await t.db.select({ n: count() }).from(sliDaily);
    expect(n).toBeGreaterThanOrEqual((DEMO_SLOS.length - 1) * 90);
  });

  it("refuses to run on a database that already holds the organisation", async () => {
    const [before] = await t.db.select({ n: count() }).from(services);
    expect(await seedDemo(t.db)).toEqual({ created: false });
    const [after] = await t.db.select({ n: count() }).from(services);
    expect(after.n).toBe(before.n);
  });
});
