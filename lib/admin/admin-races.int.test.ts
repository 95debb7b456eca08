import { and, count, eq, inArray, isNull, notInArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { executeCommand } from "@/lib/command/execute";
import { makeUser } from "@/tests/actors";
import { withTestDatabase } from "@/tests/database";
import { LAST_ADMIN_MESSAGE, patchUser } from "./user-commands";

const t = withTestDatabase();

const activeAdmins = async () =>
  (
    await t.db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, "admin"), isNull(users.deactivatedAt)))
  )[0].n;

const ROUNDS = 12;

describe.runIf(process.env.TEST_DATABASE_URL)(
  "admins racing each other (PostgreSQL only: PGlite runs one transaction at a time)",
  () => {
    it.each([
      ["demote each other", { role: "viewer" }, { role: "engineer" }],
      ["deactivate each other", { active: false }, { active: false }],
      ["one demotes, the other deactivates", { role: "change_manager" }, { active: false }],
    ] as const)(
      "two admins who %s at the same moment leave one admin, never zero",
      async (_, aDoes, bDoes) => {
        const { actor: a } = await makeUser(t.db, "admin");
        const { actor: b } = await makeUser(t.db, "admin");
        const pair = [a.user.id, b.user.id];
        for (let round = 0; round < ROUNDS; round++) {
          await t.db.update(users).set({ role: "admin", deactivatedAt: null }).where(inArray(users.id, pair));
          await t.db
            .update(users)
            .set({ role: "viewer" })
            .where(and(eq(users.role, "admin"), isNull(users.deactivatedAt), notInArray(users.id, pair)));
          expect(await activeAdmins()).toBe(2);
          const results = await Promise.all([
            executeCommand(patchUser, a, { id: b.user.id, ...aDoes }),
            executeCommand(patchUser, b, { id: a.user.id, ...bDoes }),
          ]);
          // One wins; the other is refused cleanly (409), never a deadlock or a 500.
          expect(results.filter((r) => r.ok)).toHaveLength(1);
          expect(results.find((r) => !r.ok)).toMatchObject({ code: "conflict", error: LAST_ADMIN_MESSAGE });
          expect(await activeAdmins()).toBe(1);
        }
      },
    );

    it("three admins each demoting the next at once keep at least one", async () => {
      const admins = await Promise.all([1, 2, 3].map(() => makeUser(t.db, "admin")));
      const ids = admins.map((x) => x.user.id);
      for (let round = 0; round < ROUNDS; round++) {
        await t.db.update(users).set({ role: "admin", deactivatedAt: null }).where(inArray(users.id, ids));
        await t.db
          .update(users)
          .set({ role: "viewer" })
          .where(and(eq(users.role, "admin"), isNull(users.deactivatedAt), notInArray(users.id, ids)));
        const results = await Promise.all(
          admins.map(({ actor }, i) =>
            executeCommand(patchUser, actor, {
              id: ids[(i + 1) % ids.length],
              ...(i % 2 ? { active: false } : { role: "viewer" }),
            }),
          ),
        );
        for (const r of results) if (!r.ok) expect(r.code).toBe("conflict");
        expect(await activeAdmins()).toBeGreaterThanOrEqual(1);
      }
    });
  },
);
