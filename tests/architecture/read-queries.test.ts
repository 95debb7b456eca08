import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ROLES } from "@/db/schema/enums";
import type { Actor } from "@/lib/auth/actor";
import { PERMISSIONS, type Permission, roleHas, scopeAllows, TOKEN_SCOPES } from "@/lib/auth/permissions";
import type { Query } from "@/lib/query/define";
import { runQuery } from "@/lib/query/run";
import { ROOT, sourceFiles } from "./imports";

/*
 * Every query in the `reads.ts` modules names a real permission, and the gate refuses a
 * caller without it before the query can touch the database: `getDb` is replaced by one
 * that fails the test if it is ever called, and each query's `run` is watched.
 */

const { getDb } = vi.hoisted(() => ({
  getDb: vi.fn(() => {
    throw new Error("the database was reached for a caller the gate should have refused");
  }),
}));
vi.mock("@/db/client", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb }));

type AnyQuery = Query<never, unknown>;

const isQuery = (v: unknown): v is AnyQuery =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as AnyQuery).name === "string" &&
  typeof (v as AnyQuery).permission === "string" &&
  typeof (v as AnyQuery).run === "function" &&
  typeof (v as { input?: { safeParse?: unknown } }).input?.safeParse === "function";

/** `lib/<domain>/reads.ts` and `lib/<domain>/<part>-reads.ts`: where queries live. */
const READ_MODULES = sourceFiles("lib").filter((f) => /\/([a-z-]+-)?reads\.ts$/.test(f));

const queries: { module: string; exportName: string; query: AnyQuery }[] = [];

beforeAll(async () => {
  for (const module of READ_MODULES) {
    const exports: Record<string, unknown> = await import(path.join(ROOT, module));
    for (const [exportName, value] of Object.entries(exports))
      if (isQuery(value)) queries.push({ module, exportName, query: value });
  }
});

const user = (role: (typeof ROLES)[number], scopes?: string[]): Actor => ({
  kind: "user",
  via: scopes ? "api" : "web",
  user: { id: "00000000-0000-4000-8000-000000000000", email: `${role}@test.example`, name: role, role },
  ...(scopes ? { token: { id: "00000000-0000-4000-8000-000000000001", scopes } } : {}),
});

/**
 * Callers who must be refused `permission`: each role that lacks it, and — for a role that
 * has it — a token of that role whose scopes do not cover it.
 */
function refusedCallers(permission: Permission): { label: string; actor: Actor }[] {
  const out: { label: string; actor: Actor }[] = [];
  for (const role of ROLES) {
    if (!roleHas(role, permission)) {
      out.push({ label: `a ${role}`, actor: user(role) });
      continue;
    }
    const narrow = TOKEN_SCOPES.find((s) => !scopeAllows([s], permission));
    if (narrow) out.push({ label: `a ${role} with a ${narrow} token`, actor: user(role, [narrow]) });
  }
  return out;
}

describe("the queries of the reads modules", () => {
  it("finds the page and server-action queries", () => {
    expect(READ_MODULES).toEqual(
      expect.arrayContaining(["lib/catalog/reads.ts", "lib/admin/reads.ts", "lib/home/reads.ts"]),
    );
    const names = queries.map((q) => q.query.name);
    expect(names).toEqual(
      expect.arrayContaining(["catalog.services_page", "admin.audit_page", "catalog.import_preview"]),
    );
  });

  it("each names a permission of the permission table, and a name no other query has", () => {
    for (const { module, exportName, query } of queries)
      expect(Object.keys(PERMISSIONS), `${module} ${exportName}`).toContain(query.permission);
    const names = queries.map((q) => q.query.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it("refuses an anonymous caller and every caller without the permission, before any SQL", async () => {
    let refusals = 0;
    for (const { module, exportName, query } of queries) {
      const run = vi.spyOn(query, "run");
      const where = `${module} ${exportName} (${query.permission})`;
      expect(await runQuery(query, null, {}), `${where}, anonymous`).toMatchObject({
        ok: false,
        code: "unauthorized",
      });
      for (const { label, actor } of refusedCallers(query.permission)) {
        expect(await runQuery(query, actor, {}), `${where}, ${label}`).toMatchObject({
          ok: false,
          code: "forbidden",
        });
        refusals += 1;
      }
      expect(run, where).not.toHaveBeenCalled();
      run.mockRestore();
    }
    expect(getDb).not.toHaveBeenCalled();
    // Not vacuous: most queries have someone to refuse.
    expect(refusals).toBeGreaterThan(queries.length);
  });
});
