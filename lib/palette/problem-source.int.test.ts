import { beforeAll, describe, expect, it } from "vitest";
import { executeCommand } from "@/lib/command/execute";
import { createProblem, patchProblem } from "@/lib/incidents/problem-commands";
import { runQuery } from "@/lib/query/run";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { ok } from "@/tests/incidents/fixtures";
import { paletteRead } from "./reads";

const t = withTestDatabase();
let people: Awaited<ReturnType<typeof demo>>;
let open: { id: string; number: number };
let resolved: { id: string; number: number };

beforeAll(async () => {
  people = await demo(t.db);
  const make = async (title: string) =>
    ok(await executeCommand(createProblem, people.engineer, { title, service: "ledger" }));
  resolved = await make("Ledger replication stalls at night");
  open = await make("Ledger replication lags under load");
  // The first one is fixed: resolved problems rank below open ones with the same words.
  let version = 1;
  for (const state of ["investigating", "known_error", "resolved"] as const)
    version = ok(
      await executeCommand(patchProblem, people.engineer, {
        id: resolved.id,
        version,
        state,
        ...(state === "known_error" ? { workaround: "Restart the replica." } : {}),
      }),
    ).version;
});

const search = async (q: string) => {
  const result = await runQuery(paletteRead, people.viewer, { q });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return Object.fromEntries(result.data.map((g) => [g.group, g.items]));
};

describe("the ⌘K palette's problems", () => {
  it("finds a problem by its number, with or without PRB-", async () => {
    for (const q of [`PRB-${open.number}`, `prb${open.number}`, String(open.number)]) {
      const found = (await search(q)).Problems ?? [];
      expect(found[0]).toMatchObject({
        label: `PRB-${open.number} Ledger replication lags under load`,
        hint: "New · ledger",
        href: `/problems/${open.id}`,
      });
    }
  });

  it("finds problems by title words, open ones before resolved ones", async () => {
    const found = (await search("replication")).Problems ?? [];
    expect(found.map((p) => p.href)).toEqual([`/problems/${open.id}`, `/problems/${resolved.id}`]);
    expect(found[1].hint).toBe("Resolved · ledger");
  });

  it("treats % and _ as letters, and finds nothing for unrelated words", async () => {
    expect((await search("%")).Problems).toBeUndefined();
    expect((await search("kubernetes")).Problems).toBeUndefined();
  });
});
