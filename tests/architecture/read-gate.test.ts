import path from "node:path";
import { describe, expect, it } from "vitest";
import { type ImportRef, isServerActionFile, sourceFiles, valueImports } from "./imports";

/*
 * Every read a page, a component or a server action makes goes through the read gate
 * (`defineQuery` + `runQuery`/`pageQuery`), which checks the permission before any SQL.
 * So the UI side of the app may not reach the database any other way: no driver, no ORM,
 * no tables, no data-access module. Writes go through commands, which have their own gate.
 */

/** Modules that are themselves a gate, or the identity every gate starts from. */
const GATES: { pattern: RegExp; why: string }[] = [
  { pattern: /^lib\/query\//, why: "the read gate" },
  { pattern: /^lib\/.+\/([a-z-]+-)?reads\.ts$/, why: "queries, each naming its permission" },
  { pattern: /^lib\/command\//, why: "the write gate" },
  { pattern: /^lib\/.+-commands\.ts$/, why: "commands, run through executeCommand" },
  { pattern: /^lib\/catalog\/import\/apply\.ts$/, why: "the catalog import command" },
  { pattern: /^lib\/api\//, why: "the REST door, with its own route table and permission per route" },
  { pattern: /^lib\/auth\/(session|auth|invites)\.ts$/, why: "who is signed in, or holds an invite link" },
  { pattern: /^lib\/ops\/health\.ts$/, why: "the health probe: a ping, no one's data" },
];

const isGate = (file: string) => GATES.some((g) => g.pattern.test(file)) || isServerActionFile(file);

const DRIVERS = /^(drizzle-orm|postgres|@electric-sql\/pglite)(\/|$)/;
/** Plain value lists such as ROLES and TIERS are constants, not tables: they may be imported. */
const CONSTANT = /^[A-Z][A-Z0-9_]*$/;

/** Why importing `ref` reaches the database outside a gate, or null when it does not. */
function databaseReach(ref: ImportRef): string | null {
  if (DRIVERS.test(ref.specifier)) return "the database driver or ORM";
  const target = ref.resolved;
  if (!target) return null;
  if (target.startsWith("db/schema/") || target === "db/schema.ts") {
    const tables = ref.values.filter((v) => !CONSTANT.test(v));
    return tables.length ? `tables or enum objects (${tables.join(", ")})` : null;
  }
  if (target.startsWith("db/")) return "the database client";
  if (target.startsWith("lib/") && !isGate(target) && isDataAccess(target)) return "a data-access module";
  return null;
}

const dataAccess = new Map<string, boolean>();

/** A module that touches the database itself, or through another module that does (outside the gates). */
function isDataAccess(file: string): boolean {
  const known = dataAccess.get(file);
  if (known !== undefined) return known;
  if (/(^|\/|-)queries\.ts$/.test(path.basename(file))) return true;
  dataAccess.set(file, false); // an import cycle ends here; the answer is set below
  const answer = valueImports(file).some((ref) => databaseReach(ref) !== null);
  dataAccess.set(file, answer);
  return answer;
}

/** The UI side: routes and components, and every server-action file. */
const scanned = () => [
  ...sourceFiles("app"),
  ...sourceFiles("components"),
  ...sourceFiles("lib").filter((f) => isServerActionFile(f) && !f.endsWith(".test.ts")),
];

function violations(files: string[]) {
  const out: string[] = [];
  for (const file of files)
    for (const ref of valueImports(file)) {
      const why = databaseReach(ref);
      if (why) out.push(`${file}:${ref.line} imports ${ref.specifier} — ${why}`);
    }
  return out;
}

describe("the read gate holds for the UI side of the app", () => {
  it("scans the pages, components and server actions", () => {
    const files = scanned();
    expect(files).toContain("app/(portal)/services/page.tsx");
    expect(files).toContain("components/catalog/import-wizard.tsx");
    expect(files).toContain("lib/catalog/import-actions.ts");
  });

  it("no page, component or server action reaches the database except through a query or command", () => {
    expect(violations(scanned())).toEqual([]);
  });

  it("pages take what the viewer may do from their query, not from the permission table", () => {
    const pages = scanned().filter((f) => f.startsWith("app/") && /\/page\.tsx$/.test(f));
    const offenders = pages.flatMap((file) =>
      valueImports(file)
        .filter((ref) => ref.resolved === "lib/auth/actor.ts" && ref.values.includes("can"))
        .map((ref) => `${file}:${ref.line}`),
    );
    expect(offenders).toEqual([]);
  });
});

describe("the scan itself", () => {
  it("recognises each way of reaching the database", () => {
    const ref = (specifier: string, resolved: string | null, values = ["x"]): ImportRef => ({
      specifier,
      resolved,
      values,
      line: 1,
    });
    expect(databaseReach(ref("drizzle-orm", null, ["eq"]))).toMatch(/driver/);
    expect(databaseReach(ref("drizzle-orm/pg-core", null))).toMatch(/driver/);
    expect(databaseReach(ref("postgres", null))).toMatch(/driver/);
    expect(databaseReach(ref("@/db/client", "db/client.ts", ["getDb"]))).toMatch(/client/);
    expect(databaseReach(ref("@/db/schema", "db/schema/index.ts", ["services"]))).toMatch(/tables/);
    expect(databaseReach(ref("@/db/schema/enums", "db/schema/enums.ts", ["roleEnum"]))).toMatch(/enum/);
    expect(databaseReach(ref("@/db/schema/enums", "db/schema/enums.ts", ["ROLES", "TIERS"]))).toBeNull();
    expect(databaseReach(ref("@/lib/catalog/queries", "lib/catalog/queries.ts"))).toMatch(/data-access/);
    expect(databaseReach(ref("@/lib/catalog/ownership", "lib/catalog/ownership.ts"))).toMatch(/data-access/);
    expect(databaseReach(ref("@/lib/catalog/reads", "lib/catalog/reads.ts"))).toBeNull();
    expect(databaseReach(ref("@/lib/catalog/list-filter", "lib/catalog/list-filter.ts"))).toBeNull();
    expect(databaseReach(ref("@/lib/catalog/import-actions", "lib/catalog/import-actions.ts"))).toBeNull();
  });

  it("ignores type-only imports, which vanish at compile time", () => {
    // components/catalog/facet-list.tsx takes the Facet type from the catalog queries.
    const refs = valueImports("components/catalog/facet-list.tsx");
    expect(refs.some((r) => r.resolved === "lib/catalog/queries.ts")).toBe(false);
  });
});
