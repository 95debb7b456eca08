import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { services } from "@/db/schema";
import { cliActor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/command/execute";
import type { Result } from "@/lib/command/result";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { addDependency, removeDependency } from "./dependency-commands";
import { importCatalog } from "./import/apply";
import { refreshScorecardsOnce } from "./scorecard-job";
import { patchService, updateService } from "./service-commands";
import { serviceJson } from "./service-json";

const t = withTestDatabase();

const component = (name: string, description: string) => `---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: ${name}, description: "${description}" }
spec: { type: service, lifecycle: production, owner: payments }
`;
const bulkFile = (from: number, to: number, description: (i: number) => string) =>
  Array.from({ length: to - from }, (_, k) => component(`bulk-${from + k}`, description(from + k))).join("");

const expectOk = <T>(result: Result<T>, what: string): T => {
  if (!result.ok) throw new Error(`${what}: ${result.code} ${result.error}`);
  return result.data;
};

/**
 * These need real parallelism: PGlite is one connection in-process, so nothing it runs can
 * wait on another transaction's lock, and the races below cannot happen there.
 */
describe.runIf(process.env.TEST_DATABASE_URL)(
  "catalog writers side by side (PostgreSQL only: PGlite runs one transaction at a time)",
  () => {
    let people: Awaited<ReturnType<typeof demo>>;
    let side: postgres.Sql;
    beforeAll(async () => {
      people = await demo(t.db);
      side = postgres(t.url!, { max: 2, onnotice: () => {} });
    });
    afterAll(async () => {
      await side?.end();
    });

    it("a PATCH of dependsOn racing PUT and DELETE of one dependency never deadlocks, and the last writer wins", async () => {
      for (let round = 0; round < 20; round++) {
        // Half the rounds the PATCH's set holds the very edge the other request adds or removes.
        const set = round % 2 ? ["ledger", "redis-cache"] : ["ledger", "event-bus"];
        const removing = round % 3 === 2;
        const [patched, changed] = await Promise.all([
          executeCommand(patchService, people.engineer, {
            slug: "refunds",
            description: `Round ${round}`,
            dependsOn: set,
          }),
          removing
            ? executeCommand(removeDependency, people.engineer, { slug: "refunds", dependsOn: "redis-cache" })
            : executeCommand(addDependency, people.engineer, { slug: "refunds", dependsOn: "redis-cache" }),
        ]);
        expectOk(patched, `round ${round} PATCH`);
        // Removing an edge the PATCH has just dropped is a plain 404, not a failure of the race.
        if (!(removing && !changed.ok && changed.code === "not_found"))
          expectOk(changed, `round ${round} edge`);
        const final = (await serviceJson(t.db, "refunds"))!.dependsOn;
        const withEdge = [...new Set([...set, "redis-cache"])].sort();
        const withoutEdge = set.filter((s) => s !== "redis-cache").sort();
        const outcomes = !removing ? [set.sort(), withEdge] : [set.sort(), withoutEdge];
        expect(
          outcomes.map((o) => JSON.stringify(o)),
          `round ${round}`,
        ).toContain(JSON.stringify(final));
      }
    });

    it("two services set to depend on each other at the same moment never deadlock", async () => {
      for (let round = 0; round < 10; round++) {
        const [a, b] = await Promise.all([
          executeCommand(patchService, people.engineer, {
            slug: "invoicing",
            dependsOn: ["settlement", "ledger"],
          }),
          executeCommand(patchService, people.engineer, {
            slug: "settlement",
            dependsOn: ["invoicing", "ledger"],
          }),
        ]);
        expectOk(a, `round ${round} invoicing`);
        expectOk(b, `round ${round} settlement`);
        // Undo, also side by side, so the next round changes something again.
        await Promise.all([
          executeCommand(patchService, people.engineer, { slug: "invoicing", dependsOn: ["ledger"] }).then(
            (r) => expectOk(r, "undo"),
          ),
          executeCommand(patchService, people.engineer, { slug: "settlement", dependsOn: ["ledger"] }).then(
            (r) => expectOk(r, "undo"),
          ),
        ]);
      }
    });

    it("each PATCH answers with what it committed, not with a later writer's change", async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          executeCommand(patchService, people.engineer, { slug: "ledger", description: `Writer ${i}` }),
        ),
      );
      for (const [i, result] of results.entries())
        expect(expectOk(result, `writer ${i}`).description).toBe(`Writer ${i}`);
    });

    it("an edit of another service commits while a bulk import of 2,000 services is still open", async () => {
      // Hold a row the import will update last, so the import stays open, mid-write, until released.
      let release!: () => void;
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const holder = side.begin(async (tx) => {
        await tx`select 1 from services where slug = 'invoicing' for update`;
        locked();
        await released;
      });
      await isLocked;
      let importDone = false;
      const importing = executeCommand(importCatalog, cliActor, {
        yaml:
          bulkFile(0, 2000, (i) => `Bulk service ${i}`) + component("invoicing", "Invoices, now imported."),
      }).finally(() => {
        importDone = true;
      });
      try {
        // Wait until the import has written its 2,000 rows and queues for the held one.
        for (let waited = 0; ; waited += 50) {
          const [row] = await side`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and query ilike 'update "services"%'`;
          if (row.n > 0) break;
          if (waited > 60_000 || importDone) throw new Error("the import never reached the held row");
          await new Promise((r) => setTimeout(r, 50));
        }
        const edit = executeCommand(updateService, people.engineer, {
          slug: "ledger",
          description: "Edited mid-import.",
        });
        // A guard against waiting forever, not a timing threshold: the import cannot commit
        // before the held row is released, so the edit either commits first or not at all.
        const first = await Promise.race([
          edit.then((r) => ({ edit: r })),
          new Promise<{ stuck: true }>((r) => setTimeout(() => r({ stuck: true }), 20_000)),
        ]);
        expect(first, "the edit waited for the import").not.toHaveProperty("stuck");
        expectOk((first as { edit: Result<unknown> }).edit, "edit");
        expect(importDone).toBe(false);
      } finally {
        release();
        await holder;
      }
      expectOk(await importing, "import");
      expect((await serviceJson(t.db, "ledger"))!.description).toBe("Edited mid-import.");
      expect((await serviceJson(t.db, "bulk-1999"))!.description).toBe("Bulk service 1999");
    }, 120_000);

    it("the hourly scorecard job runs beside edits and imports without deadlocking", async () => {
      const [bulk] = await t.db
        .select({ n: sql<number>`count(*)::int` })
        .from(services)
        .where(sql`${services.slug} like 'bulk-%'`);
      expect(bulk.n).toBeGreaterThanOrEqual(2000);
      for (let round = 0; round < 3; round++) {
        // Every live row needs rescoring, so the job locks and writes all of them.
        await t.db.update(services).set({ scorecardCheckedAt: null });
        const [job, imported, ...edits] = await Promise.all([
          refreshScorecardsOnce(),
          // An import updating 1,500 of the same rows, in its own (slug) order.
          executeCommand(importCatalog, cliActor, {
            yaml: bulkFile(0, 1500, (i) => `Round ${round} service ${i}`),
          }),
          ...["refunds", "ledger", "settlement", "invoicing"].map((slug) =>
            executeCommand(patchService, people.engineer, { slug, description: `Round ${round} edit` }),
          ),
          executeCommand(addDependency, people.engineer, { slug: "refunds", dependsOn: "bulk-7" }),
        ]);
        expect(job).toBeGreaterThanOrEqual(2000);
        expectOk(imported, `round ${round} import`);
        for (const [i, e] of edits.entries()) expectOk(e as Result<unknown>, `round ${round} edit ${i}`);
        await executeCommand(removeDependency, people.engineer, { slug: "refunds", dependsOn: "bulk-7" });
      }
      // What a run skipped because a writer held it, the next run scores: nothing is left behind.
      expect(await refreshScorecardsOnce()).toBeGreaterThanOrEqual(2000);
      const [unscored] = await t.db
        .select({ n: sql<number>`count(*)::int` })
        .from(services)
        .where(sql`${services.archivedAt} is null and ${services.scorecardCheckedAt} is null`);
      expect(unscored.n).toBe(0);
    }, 240_000);
  },
);
