import { count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { actionItems, incidents, postmortems, problemSuggestions, problems } from "@/db/schema/incidents";
import { majorActiveIncidents } from "@/lib/incidents/queries";
import { withTestDatabase } from "@/tests/database";
import { seedDemo } from "./demo";

const t = withTestDatabase();
const now = new Date();

beforeAll(async () => {
  await seedDemo(t.db, now, { sloHistoryDays: 1 });
}, 120_000);

describe("the demo incidents", () => {
  it("span a year of every severity with one sev2 open now", async () => {
    const rows = rowsOf<{ severity: string; n: number; oldest: string }>(
      await t.db.execute(
        sql`select severity, count(*)::int as n, min(declared_at)::text as oldest from incidents group by severity`,
      ),
    );
    expect(rows.map((r) => r.severity).sort()).toEqual(["sev1", "sev2", "sev3", "sev4"]);
    expect(rows.reduce((n, r) => n + r.n, 0)).toBeGreaterThan(80);
    const oldest = Math.min(...rows.map((r) => Date.parse(r.oldest)));
    expect(now.getTime() - oldest).toBeGreaterThan(300 * 86_400_000);
    const open = await majorActiveIncidents(t.db);
    expect(open.map((i) => [i.severity, i.title])).toEqual([["sev2", "Checkout errors in EU"]]);
  });

  it("have published and draft postmortems, overdue action items and two problems", async () => {
    const statuses = await t.db
      .select({ status: postmortems.status, n: count() })
      .from(postmortems)
      .groupBy(postmortems.status);
    expect(statuses.map((s) => s.status).sort()).toEqual(["draft", "in_review", "published"]);
    expect(statuses.find((s) => s.status === "published")?.n).toBeGreaterThan(5);
    const [overdue] = await t.db
      .select({ n: count() })
      .from(actionItems)
      .where(sql`${actionItems.status} in ('open', 'in_progress') and ${actionItems.dueOn} < current_date`);
    expect(overdue.n).toBeGreaterThan(0);
    const linked = rowsOf<{ title: string; n: number }>(
      await t.db.execute(
        sql`select p.title, count(i.id)::int as n from problems p join incidents i on i.problem_id = p.id group by p.title`,
      ),
    );
    expect(linked.length).toBe(2);
    for (const p of linked) expect(p.n).toBeGreaterThanOrEqual(2);
    expect((await t.db.select().from(problems)).length).toBe(2);
  });

  it("close major incidents only once their postmortem is published", async () => {
    const bad = rowsOf<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from incidents i left join postmortems p on p.incident_id = i.id
        where i.status = 'closed' and i.severity in ('sev1', 'sev2') and coalesce(p.status, '') <> 'published'`),
    );
    expect(bad[0].n).toBe(0);
    const [closed] = await t.db.select({ n: count() }).from(incidents).where(eq(incidents.status, "closed"));
    expect(closed.n).toBeGreaterThan(10);
  });

  it("leave repeats unlinked, so Pharos has problems to suggest", async () => {
    const open = await t.db.select().from(problemSuggestions).where(eq(problemSuggestions.state, "open"));
    expect(open.length).toBeGreaterThan(0);
    for (const s of open) expect(s.incidentIds.length).toBeGreaterThanOrEqual(3);
  });
});
