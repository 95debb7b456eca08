import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { auditLog, teams } from "@/db/schema";
import { makeUser } from "@/tests/actors";
import { withTestDatabase } from "@/tests/database";
import { defineCommand } from "./define";
import { executeCommand } from "./execute";
import { fail } from "./result";

const t = withTestDatabase();

const makeTeam = defineCommand({
  name: "test.make_team",
  permission: "team.manage",
  input: z.object({
    slug: z.string().min(2, "Too short."),
    explode: z.boolean().default(false),
    skipAudit: z.boolean().default(false),
  }),
  async run({ tx, audit }, input) {
    const [team] = await tx.insert(teams).values({ slug: input.slug, name: input.slug }).returning();
    if (!input.skipAudit) await audit({ entityType: "team", entityId: team.id, after: team });
    if (input.explode) throw new Error("disk on fire");
    if (input.slug === "conflict") throw fail.conflict("Taken.", { slug: "Taken." });
    return team;
  },
});

async function counts() {
  const [[a], [b]] = await Promise.all([
    t.db.select({ n: count() }).from(auditLog),
    t.db.select({ n: count() }).from(teams),
  ]);
  return { audit: a.n, teams: b.n };
}

describe("executeCommand — the guarded write path", () => {
  it("writes the change and its audit row together", async () => {
    const { actor } = await makeUser(t.db, "admin");
    const result = await executeCommand(makeTeam, actor, { slug: "ok-team" });
    expect(result.ok).toBe(true);
    const [row] = await t.db.select().from(auditLog).where(eq(auditLog.action, "test.make_team"));
    expect(row).toMatchObject({
      actorUserId: actor.user.id,
      actorLabel: actor.user.email,
      via: "web",
      entityType: "team",
    });
    expect(row.after).toMatchObject({ slug: "ok-team" });
  });

  it("refuses an anonymous caller (401) and writes nothing", async () => {
    const before = await counts();
    const result = await executeCommand(makeTeam, null, { slug: "anon" });
    expect(result).toMatchObject({ ok: false, code: "unauthorized" });
    expect(await counts()).toEqual(before);
  });

  it("refuses a role without the permission (403) and writes nothing", async () => {
    const { actor } = await makeUser(t.db, "engineer");
    const before = await counts();
    expect(await executeCommand(makeTeam, actor, { slug: "nope" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses a token whose scope is too small even when the role would do", async () => {
    const { actor } = await makeUser(t.db, "admin");
    const viaToken = { ...actor, via: "api" as const, token: { id: crypto.randomUUID(), scopes: ["write"] } };
    expect(await executeCommand(makeTeam, viaToken, { slug: "scoped" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
  });

  it("returns field errors for invalid input", async () => {
    const { actor } = await makeUser(t.db, "admin");
    const result = await executeCommand(makeTeam, actor, { slug: "x" });
    expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { slug: "Too short." } });
  });

  it("rolls back the write and the audit row when the command fails expectedly or not", async () => {
    const { actor } = await makeUser(t.db, "admin");
    const before = await counts();
    expect(await executeCommand(makeTeam, actor, { slug: "conflict" })).toMatchObject({
      ok: false,
      code: "conflict",
      fieldErrors: { slug: "Taken." },
    });
    const crashed = await executeCommand(makeTeam, actor, { slug: "boom", explode: true });
    expect(crashed).toMatchObject({ ok: false, code: "internal" });
    expect(JSON.stringify(crashed)).not.toContain("disk on fire");
    expect(await counts()).toEqual(before);
  });

  it("treats a command that leaves no audit row as a bug and rolls it back", async () => {
    const { actor } = await makeUser(t.db, "admin");
    const before = await counts();
    expect(await executeCommand(makeTeam, actor, { slug: "silent", skipAudit: true })).toMatchObject({
      ok: false,
      code: "internal",
    });
    expect(await counts()).toEqual(before);
  });

  it("lets a command that changed nothing say so instead of auditing: ok, nothing written", async () => {
    const { actor } = await makeUser(t.db, "admin");
    const noop = defineCommand({
      name: "test.noop",
      permission: "team.manage",
      input: z.object({ slug: z.string() }),
      async run({ tx, unchanged }, input) {
        const [team] = await tx.select().from(teams).where(eq(teams.slug, input.slug));
        unchanged();
        return team ?? null;
      },
    });
    await executeCommand(makeTeam, actor, { slug: "already-there" });
    const before = await counts();
    expect(await executeCommand(noop, actor, { slug: "already-there" })).toMatchObject({
      ok: true,
      data: { slug: "already-there" },
    });
    expect(await counts()).toEqual(before);
    // It is still the guarded path: refused callers never reach `run`.
    const { actor: engineer } = await makeUser(t.db, "engineer");
    expect(await executeCommand(noop, engineer, { slug: "already-there" })).toMatchObject({
      code: "forbidden",
    });
  });

  it("reports a unique-index race as a conflict on the field", async () => {
    const { actor } = await makeUser(t.db, "admin");
    await executeCommand(makeTeam, actor, { slug: "dupe" });
    const again = await executeCommand(makeTeam, actor, { slug: "dupe" });
    expect(again).toMatchObject({ ok: false, code: "conflict", fieldErrors: { slug: expect.any(String) } });
  });

  it("runs after-commit housekeeping once the write is visible, and a failure there loses nothing", async () => {
    const { actor } = await makeUser(t.db, "admin");
    const seen: { committed: number; result: string }[] = [];
    const tidy = defineCommand({
      ...makeTeam,
      name: "test.make_team_and_tidy",
      async afterCommit(db, team: { slug: string }) {
        // Another connection's view: the row must already be committed.
        const [{ n }] = await db.select({ n: count() }).from(teams).where(eq(teams.slug, team.slug));
        seen.push({ committed: n, result: team.slug });
        if (team.slug === "tidy-fails") throw new Error("vacuum refused");
      },
    });
    expect(await executeCommand(tidy, actor, { slug: "tidy-ok" })).toMatchObject({ ok: true });
    expect(await executeCommand(tidy, actor, { slug: "tidy-fails" })).toMatchObject({ ok: true });
    expect(seen).toEqual([
      { committed: 1, result: "tidy-ok" },
      { committed: 1, result: "tidy-fails" },
    ]);
    // A refused or failed command never reaches its housekeeping.
    expect(await executeCommand(tidy, actor, { slug: "tidy-boom", explode: true })).toMatchObject({
      ok: false,
    });
    expect(seen).toHaveLength(2);
  });
});
