import { count, countDistinct, eq, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, serviceDependencies, services, teams, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { withTestDatabase } from "@/tests/database";
import { seedDemo } from "./demo";
import { DEMO_PASSWORD } from "./demo-org";

const t = withTestDatabase();

describe("the demo seed", () => {
  it("creates a believable organisation once", async () => {
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
  });

  it("refuses to run on a database that already holds the organisation", async () => {
    const [before] = await t.db.select({ n: count() }).from(services);
    expect(await seedDemo(t.db)).toEqual({ created: false });
    const [after] = await t.db.select({ n: count() }).from(services);
    expect(after.n).toBe(before.n);
  });
});
