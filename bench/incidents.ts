/**
 * `npm run bench:incidents`: the targets of issue #10 at 50,000 incidents — the incident list
 * under each filter (≤ 50 ms) and the metrics for several periods and scopes (≤ 200 ms),
 * each at the median of server time and beside the bare SQL that answers the same question,
 * timed in the same run on the same client (postgres.js on PostgreSQL, PGlite's own client
 * on the embedded database). Server time: the request through the same router, read gate and
 * queries the production server runs, in process, without the socket.
 *
 *   npm run bench:incidents -- [--driver postgres|pglite] [--incidents 50000] [--rounds 9]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openPglite, openPostgres, setHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { users } from "@/db/schema/catalog";
import { api } from "@/lib/api/router";
import { cliActor } from "@/lib/auth/actor";
import { createToken } from "@/lib/auth/token-commands";
import { executeCommand } from "@/lib/command/execute";
import { createBenchDatabase } from "./bench-db";
import { BARE_LIST, BARE_METRICS, LIST_CASES, METRIC_CASES } from "./incident-cases";
import { seedIncidents } from "./incident-seed";
import { formatTable, median, round } from "./stats";

const { values } = parseArgs({
  options: {
    driver: { type: "string", default: "postgres" },
    incidents: { type: "string" },
    rounds: { type: "string", default: "9" },
  },
});
const DRIVER = values.driver === "pglite" ? "pglite" : "postgres";
const INCIDENTS = Number(values.incidents ?? 50_000);
const ROUNDS = Number(values.rounds);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function timed<T>(samples: number[], run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  samples.push(performance.now() - started);
  return result;
}

async function main() {
  const now = Date.now();
  let drop = async () => {};
  let dataDir: string | undefined;
  if (DRIVER === "postgres") {
    const bench = await createBenchDatabase(ADMIN_URL, "pharos_incident_bench_");
    drop = bench.drop;
    setHandle(openPostgres(bench.url, 10));
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pharos-incident-bench-"));
    setHandle(openPglite(dataDir));
  }
  const { getHandle } = await import("@/db/client");
  const handle = getHandle();
  const db = handle.db;
  try {
    await runMigrations(handle);
    console.log(`Seeding ${INCIDENTS.toLocaleString("en")} incidents over two years on ${DRIVER}…`);
    const seeded = await seedIncidents(db, INCIDENTS, now, DRIVER === "postgres");
    console.log(`  done in ${round(seeded.seconds)} s (generated in SQL)`);
    const [reader] = await db
      .insert(users)
      .values({ email: "bench-reader@example.com", name: "Bench", role: "viewer" })
      .returning();
    const token = await executeCommand(createToken, cliActor, {
      name: "bench",
      scopes: ["incidents:read"],
      userId: reader.id,
    });
    if (!token.ok) throw new Error(token.error);
    const get = async (url: string) => {
      const response = await api().fetch(
        new Request(`http://localhost/api/v1${url}`, {
          headers: { authorization: `Bearer ${token.data.token}` },
        }),
      );
      if (response.status !== 200)
        throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
      return response.json();
    };
    const ctx = { now, team: seeded.team, service: seeded.service };
    const rows: string[][] = [];
    const measure = async (
      label: string,
      url: string,
      bare: () => Promise<unknown>,
      check: (api: unknown, bare: unknown) => void,
      target: string,
    ) => {
      const pharos: number[] = [];
      const plain: number[] = [];
      // The first round of each warms the statement caches; it is not counted.
      check(await get(url), await bare());
      for (let r = 0; r < ROUNDS; r++) {
        await timed(pharos, () => get(url));
        await timed(plain, bare);
      }
      rows.push([
        label,
        `${round(median(pharos), 1)} ms`,
        `${round(median(plain), 1)} ms`,
        `${round(median(pharos) / median(plain), 2)}×`,
        target,
      ]);
    };
    for (const c of LIST_CASES(ctx))
      await measure(`list: ${c.label}`, c.url, () => BARE_LIST(db, c.where), c.check, "≤ 50 ms, ≤ 1.5×");
    for (const c of METRIC_CASES(ctx))
      await measure(`metrics: ${c.label}`, c.url, () => BARE_METRICS(db, c), c.check, "≤ 200 ms, ≤ 1.5×");
    console.log(
      `\nIncident bench on ${DRIVER} (${handle.kind === "postgres" ? "postgres.js" : "PGlite"} client), ${INCIDENTS.toLocaleString("en")} incidents, median of ${ROUNDS} rounds\n`,
    );
    console.log(formatTable(["measure", "Pharos", "bare SQL", "ratio", "target"], rows));
    const [{ n }] = (await db.execute(sql`select count(*)::int as n from incidents`)) as unknown as {
      n: number;
    }[];
    if (n !== undefined && Number(n) < INCIDENTS) throw new Error(`only ${n} incidents were seeded`);
  } finally {
    await handle.close();
    setHandle(undefined);
    await drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
