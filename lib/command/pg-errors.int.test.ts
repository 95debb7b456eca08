import { count, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { auditLog, services } from "@/db/schema";
import { cliActor } from "@/lib/auth/actor";
import { defineQuery } from "@/lib/query/define";
import { runQuery } from "@/lib/query/run";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { defineCommand } from "./define";
import { executeCommand } from "./execute";

const t = withTestDatabase();

/** Each statement makes the real database refuse a value, as unvalidated input would. */
const PROVOKE = {
  "22021": (value: string) => sql`update ${services} set description = ${value} where slug = 'payments-api'`,
  "22P05": (value: string) => sql`select (${value}::jsonb ->> 'a') as a`,
  "22008": () => sql`select make_date(2026, 13, 45)`,
  "22007": () => sql`select 'next tuesday'::date`,
  "22P02": () => sql`select 'twelve'::int`,
  "22003": () => sql`select 2147483648::int`,
} as const;
type Code = keyof typeof PROVOKE;

const writes = defineCommand({
  name: "test.bad_input",
  permission: "service.update",
  input: z.object({ code: z.string(), value: z.string() }),
  async run({ tx, audit }, { code, value }) {
    await audit({ entityType: "service", entityId: "payments-api", after: { code } });
    await tx.execute(PROVOKE[code as Code](value));
    return code;
  },
});

const reads = defineQuery({
  name: "test.bad_input_read",
  permission: "catalog.read",
  input: z.object({ code: z.string(), value: z.string() }),
  run: async ({ db }, { code, value }) => db.execute(PROVOKE[code as Code](value)),
});

const VALUES: Record<Code, string> = {
  "22021": "Payments\u0000API",
  "22P05": '{"a": "\\u0000"}',
  "22008": "",
  "22007": "",
  "22P02": "",
  "22003": "",
};

describe("values the database refuses", () => {
  it("come back from a command as invalid (400), with nothing written, never internal (500)", async () => {
    await demo(t.db);
    const audits = async () => (await t.db.select({ n: count() }).from(auditLog))[0].n;
    const before = await audits();
    for (const code of Object.keys(PROVOKE) as Code[]) {
      const result = await executeCommand(writes, cliActor, { code, value: VALUES[code] });
      expect(result, code).toMatchObject({ ok: false, code: "invalid" });
      expect(result.ok ? "" : result.error, code).toMatch(/^A (value|date|number)/);
    }
    // Each command had written its audit row before the refused statement: all rolled back.
    expect(await audits()).toBe(before);
  });

  it("come back from a read as invalid too", async () => {
    for (const code of Object.keys(PROVOKE) as Code[]) {
      expect(await runQuery(reads, cliActor, { code, value: VALUES[code] }), code).toMatchObject({
        ok: false,
        code: "invalid",
      });
    }
  });

  it("include a string too long for its column (22001)", async () => {
    const truncating = defineCommand({
      name: "test.too_long",
      permission: "service.update",
      input: z.object({ value: z.string() }),
      async run({ tx, unchanged }, { value }) {
        unchanged();
        await tx.execute(sql`create temporary table short_text (v varchar(4)) on commit drop`);
        await tx.execute(sql`insert into short_text values (${value})`);
      },
    });
    expect(await executeCommand(truncating, cliActor, { value: "far too long" })).toMatchObject({
      ok: false,
      code: "invalid",
      error: "A value is longer than its field allows.",
    });
  });
});
