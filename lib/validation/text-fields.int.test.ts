import { count } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { apiTokens, auditLog } from "@/db/schema";
import { createTeam, updateTeam } from "@/lib/admin/team-commands";
import { createUser } from "@/lib/admin/user-commands";
import { createToken } from "@/lib/auth/token-commands";
import { executeCommand } from "@/lib/command/execute";
import type { Result } from "@/lib/command/result";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";

const t = withTestDatabase();
let people: Awaited<ReturnType<typeof demo>>;
beforeAll(async () => {
  people = await demo(t.db);
});

const fieldsOf = (result: Result<unknown>) => (result.ok ? {} : (result.fieldErrors ?? {}));

/** Beyond the catalog: the platform's own text fields refuse control characters the same way. */
describe("text fields outside the catalog", () => {
  it("refuse a NUL or a line break by field name, writing nothing", async () => {
    const audits = async () => (await t.db.select({ n: count() }).from(auditLog))[0].n;
    const tokens = async () => (await t.db.select({ n: count() }).from(apiTokens))[0].n;
    const [auditsBefore, tokensBefore] = [await audits(), await tokens()];

    expect(fieldsOf(await executeCommand(createToken, people.engineer, { name: "ci\u0000deploy" }))).toEqual({
      name: "Contains an invisible control character (U+0000); remove it.",
    });
    expect(fieldsOf(await executeCommand(createToken, people.engineer, { name: "ci\ndeploy" }))).toEqual({
      name: "Must be a single line, without line breaks or tabs.",
    });
    expect(
      fieldsOf(await executeCommand(createTeam, people.admin, { slug: "nul-team", name: "Nul\u0000Team" })),
    ).toHaveProperty("name");
    expect(
      fieldsOf(
        await executeCommand(updateTeam, people.admin, {
          slug: "payments",
          name: "Payments",
          description: "Money\u0000",
        }),
      ),
    ).toHaveProperty("description");
    const user = await executeCommand(createUser, people.admin, {
      email: "nul@example.com",
      name: "Nul\u0007User",
      role: "viewer",
      teams: ["pay\u0000ments"],
    });
    expect(Object.keys(fieldsOf(user)).sort()).toEqual(["name", "teams.0"]);

    expect(await audits()).toBe(auditsBefore);
    expect(await tokens()).toBe(tokensBefore);
  });

  it("keep line breaks and tabs where a text may have several lines", async () => {
    const description = "Card authorisation,\r\nsettlement and refunds.\n\tAlso the ledger.";
    expect(
      await executeCommand(updateTeam, people.admin, { slug: "payments", name: "Payments", description }),
    ).toMatchObject({ ok: true, data: { description } });
  });
});
