import { inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { services } from "@/db/schema";
import { withTestDatabase } from "@/tests/database";
import { MAX_PREPARED_PARAMETERS } from "./server-prepared";

const t = withTestDatabase();

/** The server's prepared statements on the connection running `tx`, holding `marker`. */
async function preparedHolding(tx: { execute: typeof t.db.execute }, marker: string) {
  const rows = (await tx.execute(
    sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%${marker}%`}`,
  )) as unknown as { n: number }[];
  return rows[0].n;
}

describe.runIf(process.env.TEST_DATABASE_URL)("statements on PostgreSQL", () => {
  it("are prepared on the server, so a repeat is one round trip", async () => {
    const marker = "prepared_marker_query";
    const count = await t.db.transaction(async (tx) => {
      for (let i = 0; i < 2; i++)
        await tx
          .select({ n: sql<number>`count(*)` })
          .from(services)
          .where(
            sql`${services.slug} <> ${`${marker}-${i}`} and 'prepared_marker_query' = 'prepared_marker_query'`,
          );
      return preparedHolding(tx, marker);
    });
    expect(count).toBe(1);
  });

  it("leave long parameter lists unprepared, so list lengths do not pile up as statements", async () => {
    const marker = "unprepared_marker_query";
    const count = await t.db.transaction(async (tx) => {
      const many = Array.from({ length: MAX_PREPARED_PARAMETERS + 1 }, (_, i) => `slug-${i}`);
      await tx
        .select({ slug: services.slug })
        .from(services)
        .where(
          sql`${inArray(services.slug, many)} and 'unprepared_marker_query' = 'unprepared_marker_query'`,
        );
      return preparedHolding(tx, marker);
    });
    expect(count).toBe(0);
  });

  it("still answer after the schema under a prepared statement changes", async () => {
    const read = () =>
      t.db.select({ slug: services.slug }).from(services).where(sql`${services.slug} = ${"x"}`);
    for (let i = 0; i < 3; i++) await read();
    await t.db.execute(sql`alter table services add column scratch_column integer`);
    await t.db.execute(sql`alter table services drop column scratch_column`);
    expect(await read()).toEqual([]);
  });
});
