import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Queryable } from "@/db/client";
import { apiTokens, auditLog, services, teams, users } from "@/db/schema";
import { createToken } from "@/lib/auth/token-commands";
import { executeCommand } from "@/lib/command/execute";
import { runQuery } from "@/lib/query/run";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { nameAuditEntities } from "./audit-entities";
import { auditPageRead } from "./reads";

const t = withTestDatabase();
let people: Awaited<ReturnType<typeof demo>>;

beforeAll(async () => {
  people = await demo(t.db);
});

const row = (entityType: string, entityId: string) => ({ entityType, entityId });

/** The database, counting the queries made through it. */
function counting(db: Queryable) {
  const seen = { selects: 0 };
  const proxy = new Proxy(db, {
    get(target, key) {
      const value = Reflect.get(target, key);
      if (key === "select") seen.selects++;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db: proxy, seen };
}

describe("audit entity names", () => {
  it("names services, teams, users and tokens, linking the ones with a page", async () => {
    const [edge] = await t.db.select().from(teams).where(eq(teams.slug, "edge"));
    const [fraud] = await t.db.select().from(services).where(eq(services.slug, "fraud-scoring"));
    const made = await executeCommand(createToken, people.engineer, { name: "ci-deploy", scopes: ["read"] });
    if (!made.ok) throw new Error(made.error);
    const [token] = await t.db.select().from(apiTokens).where(eq(apiTokens.name, "ci-deploy"));

    const named = await nameAuditEntities(t.db, [
      row("service", "payments-api"),
      row("service", fraud.id),
      row("team", edge.id),
      row("user", people.changeManager.user.id),
      row("api_token", token.id),
    ]);
    expect(named.map((r) => r.entity.name)).toEqual([
      { label: "Payments API", detail: "payments-api", href: "/services/payments-api" },
      { label: "Fraud Scoring", detail: "fraud-scoring", href: "/services/fraud-scoring" },
      { label: "Edge & Networking", href: "/teams/edge" },
      { label: "Priya Shah", detail: "changes@pharos.demo", href: "/admin/users?q=changes%40pharos.demo" },
      { label: "ci-deploy", detail: "engineer@pharos.demo" },
    ]);
    expect(named.every((r) => !r.entity.deleted)).toBe(true);
    // The id stays beside the name.
    expect(named[2].entity.id).toBe(edge.id);
  });

  it("marks what is gone as deleted, and leaves types it does not name alone", async () => {
    const [gone] = await t.db.insert(teams).values({ slug: "gone", name: "Gone" }).returning();
    await t.db.delete(teams).where(eq(teams.id, gone.id));
    const named = await nameAuditEntities(t.db, [
      row("team", gone.id),
      row("user", randomUUID()),
      row("team", "not-a-uuid"),
      row("service", "no-such-service"),
      row("organisation", "demo"),
      row("constructor", "x"),
    ]);
    expect(named.map((r) => [r.entity.name, r.entity.deleted])).toEqual([
      [null, true],
      [null, true],
      [null, true],
      [null, true],
      [null, false],
      [null, false],
    ]);
  });

  it("asks once per entity type on the page, however many rows name it", async () => {
    const someUsers = await t.db.select({ id: users.id }).from(users).limit(8);
    const { db, seen } = counting(t.db);
    await nameAuditEntities(db, [
      ...someUsers.map((u) => row("user", u.id)),
      row("service", "payments-api"),
      row("service", "ledger"),
      row("organisation", "demo"),
    ]);
    expect(seen.selects).toBe(2);
  });

  it("reaches the audit page's rows", async () => {
    await t.db.insert(auditLog).values({
      actorLabel: "admin@pharos.demo",
      via: "web",
      action: "service.patch",
      entityType: "service",
      entityId: "ledger",
    });
    const read = await runQuery(auditPageRead, people.admin, { action: "service.patch" });
    if (!read.ok) throw new Error(read.error);
    expect(read.data.items[0].entity).toMatchObject({ type: "service", id: "ledger", deleted: false });
    expect(read.data.items[0].entity.name?.href).toBe("/services/ledger");
  });
});
