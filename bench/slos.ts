/**
 * `npm run bench:slos`: the SLO targets of issue #9 — ingestion through the API, the status
 * of thousands of SLOs over 30-day windows, one SLO's page — each beside the bare SQL that
 * computes the same numbers, timed in the same run on the same client (postgres.js on
 * PostgreSQL, the PGlite client on the embedded database). Server time: in process, through
 * the same router, commands and queries the production server runs, without the socket.
 *
 *   npm run bench:slos -- [--driver postgres|pglite] [--slos 3000] [--days 30] [--rounds 7]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { type Db, openPglite, openPostgres, setHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { rowsOf } from "@/db/rows";
import { services, teams, users } from "@/db/schema/catalog";
import { slos } from "@/db/schema/slo";
import { api } from "@/lib/api/router";
import { cliActor } from "@/lib/auth/actor";
import { createToken } from "@/lib/auth/token-commands";
import { executeCommand } from "@/lib/command/execute";
import { countsFor } from "@/lib/slo/counts";
import { preparePartitions } from "@/lib/slo/partitions";
import { sloDetail } from "@/lib/slo/queries";
import { decompose } from "@/lib/slo/ranges";
import { sloSeries } from "@/lib/slo/series";
import { statusOf } from "@/lib/slo/status";
import { BUCKET_MS, bucketOf, DAY_MS, windowAt } from "@/lib/slo/windows";
import { createBenchDatabase } from "./bench-db";
import { formatTable, median, round } from "./stats";

const { values } = parseArgs({
  options: {
    driver: { type: "string", default: "postgres" },
    slos: { type: "string" },
    days: { type: "string", default: "30" },
    rounds: { type: "string", default: "7" },
    batches: { type: "string", default: "12" },
  },
});
const DRIVER = values.driver === "pglite" ? "pglite" : "postgres";
// PGlite holds its data in one process's memory: a tenth of the server's scale.
const SLOS = Number(values.slos ?? (DRIVER === "pglite" ? 300 : 3000));
const DAYS = Number(values.days);
const ROUNDS = Number(values.rounds);
const BATCHES = Number(values.batches);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const iso = (t: number) => new Date(t).toISOString();

async function timed<T>(samples: number[], run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  samples.push(performance.now() - started);
  return result;
}

async function seed(db: Db, now: number) {
  const [team] = await db.insert(teams).values({ slug: "bench", name: "Bench" }).returning();
  const serviceRows = await db
    .insert(services)
    .values(
      Array.from({ length: Math.ceil(SLOS / 10) }, (_, i) => ({
        slug: `svc-${i}`,
        name: `Service ${i}`,
        ownerTeamId: team.id,
        tier: (["tier0", "tier1", "tier2", "tier3"] as const)[i % 4],
      })),
    )
    .returning({ id: services.id });
  const sloRows = await db
    .insert(slos)
    .values(
      Array.from({ length: SLOS }, (_, i) => ({
        serviceId: serviceRows[Math.floor(i / 10)].id,
        name: `SLO ${i}`,
        sliKind: "ratio" as const,
        target: 0.999,
        windowKind: "rolling" as const,
        windowDays: 30,
      })),
    )
    .returning();
  await preparePartitions(now, DAYS + 35, db);
  // The history, written by the database itself (not timed as ingestion): DAYS of 5-minute buckets.
  const end = bucketOf(now);
  const start = end - DAYS * DAY_MS + BUCKET_MS;
  const started = performance.now();
  for (let i = 0; i < sloRows.length; i += 100) {
    const ids = `{${sloRows
      .slice(i, i + 100)
      .map((s) => s.id)
      .join(",")}}`;
    await db.execute(sql`
      insert into sli_buckets (slo_id, bucket_start, good, total)
      select id, ts, 1000 - floor(random() * 3)::int, 1000
      from unnest(${ids}::uuid[]) as id, generate_series(${iso(start)}::timestamptz, ${iso(end)}::timestamptz, interval '5 minutes') ts`);
  }
  await db.execute(
    sql`insert into sli_hourly select slo_id, date_trunc('hour', bucket_start, 'UTC'), sum(good), sum(total) from sli_buckets group by 1, 2`,
  );
  await db.execute(
    sql`insert into sli_daily select slo_id, date_trunc('day', bucket_start, 'UTC'), sum(good), sum(total) from sli_buckets group by 1, 2`,
  );
  if (DRIVER === "postgres") await db.execute(sql`analyze`);
  const seconds = (performance.now() - started) / 1000;
  const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::float8 as n from sli_buckets`));
  return { team, sloRows, buckets: Number(n), seconds };
}

/** The bare SQL of one window for many SLOs: the same decomposition, written out by hand. */
function bareWindowSql(ids: string, now: number) {
  const w = windowAt({ type: "rolling", days: 30 }, now);
  const parts = decompose(w).map((p) => {
    const [table, col] =
      p.grain === "day"
        ? ["sli_daily", "day_start"]
        : p.grain === "hour"
          ? ["sli_hourly", "hour_start"]
          : ["sli_buckets", "bucket_start"];
    return `select slo_id, good, total from ${table} where slo_id = any('${ids}'::uuid[]) and ${col} >= '${iso(p.start)}' and ${col} < '${iso(p.end)}'`;
  });
  return `select slo_id, sum(good)::float8 as good, sum(total)::float8 as total from (${parts.join(" union all ")}) x group by slo_id`;
}

async function main() {
  const now = Date.now();
  let drop = async () => {};
  let dataDir: string | undefined;
  if (DRIVER === "postgres") {
    const bench = await createBenchDatabase(ADMIN_URL, "pharos_slo_bench_");
    drop = bench.drop;
    setHandle(openPostgres(bench.url, 10));
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pharos-slo-bench-"));
    setHandle(openPglite(dataDir));
  }
  const { getHandle } = await import("@/db/client");
  const handle = getHandle();
  const db = handle.db;
  try {
    await runMigrations(handle);
    console.log(`Seeding ${SLOS} SLOs × ${DAYS} days of 5-minute buckets on ${DRIVER}…`);
    const seeded = await seed(db, now);
    console.log(
      `  ${seeded.buckets.toLocaleString("en")} buckets and their rollups in ${round(seeded.seconds)} s (generated in SQL)`,
    );

    // Ingestion through the API: an admin's token, batches of 10,000 new buckets (older than the seeded history).
    const [admin] = await db
      .insert(users)
      .values({ email: "bench-admin@example.com", name: "Bench", role: "admin" })
      .returning();
    const token = await executeCommand(createToken, cliActor, {
      name: "bench",
      scopes: ["slo:measurements"],
      userId: admin.id,
    });
    if (!token.ok) throw new Error(token.error);
    // Fresh SLOs (outside the ones timed below), each sent its last 10,000 buckets (34.7 days).
    const fresh = await db
      .insert(slos)
      .values(
        Array.from({ length: BATCHES }, (_, i) => ({
          serviceId: seeded.sloRows[0].serviceId,
          name: `Ingested ${i}`,
          sliKind: "ratio" as const,
          target: 0.999,
          windowKind: "rolling" as const,
          windowDays: 30,
        })),
      )
      .returning();
    const ingest: number[] = [];
    for (let b = 0; b < BATCHES; b++) {
      const target = fresh[b].id;
      const first = bucketOf(now) - 9_999 * BUCKET_MS;
      const buckets = Array.from({ length: 10_000 }, (_, i) => ({
        start: iso(first + i * BUCKET_MS),
        good: 990,
        total: 1000,
      }));
      const body = JSON.stringify({ buckets });
      const response = await timed(ingest, () =>
        Promise.resolve(
          api().fetch(
            new Request(`http://localhost/api/v1/slos/${target}/measurements`, {
              method: "POST",
              headers: { authorization: `Bearer ${token.data.token}`, "content-type": "application/json" },
              body,
            }),
          ),
        ),
      );
      if (response.status !== 200)
        throw new Error(`ingestion answered ${response.status}: ${await response.text()}`);
    }
    // The first batch warms the statement cache; the median of the rest is the steady rate.
    const perBatch = median(ingest.slice(1));

    // Status of every SLO (list mode) against the bare SQL of the same counts.
    const rows = seeded.sloRows;
    const ids = `{${rows.map((r) => r.id).join(",")}}`;
    const status: number[] = [];
    const bare: number[] = [];
    let checked = false;
    for (let r = 0; r < ROUNDS; r++) {
      const got = await timed(status, () => statusOf(db, rows, { now }));
      const plain = rowsOf<{ slo_id: string; good: number; total: number }>(
        await timed(bare, () => db.execute(sql.raw(bareWindowSql(ids, now)))),
      );
      if (!checked) {
        // Same numbers, or the ratio means nothing.
        for (const p of plain) {
          const s = got.get(p.slo_id)!;
          if (s.good !== Number(p.good) || s.total !== Number(p.total))
            throw new Error(`status differs from bare SQL for ${p.slo_id}`);
        }
        checked = true;
      }
    }

    // One SLO's page: its full status, history and chart series, against the bare SQL of the same numbers.
    const one = rows[Math.floor(rows.length / 2)];
    const page: number[] = [];
    const pageBare: number[] = [];
    const w = windowAt({ type: "rolling", days: 30 }, now);
    for (let r = 0; r < ROUNDS * 3; r++) {
      await timed(page, async () => {
        await Promise.all([sloDetail(db, one.id, now), sloSeries(db, one.id, now)]);
      });
      await timed(pageBare, async () => {
        const single = `{${one.id}}`;
        await db.execute(sql.raw(bareWindowSql(single, now)));
        for (const minutes of [5, 30, 60, 360, 1440, 4320]) {
          const e = bucketOf(now) + BUCKET_MS;
          await countsFor(db, [
            { key: "b", sloIds: [one.id], intervals: [{ start: e - minutes * 60_000, end: e }] },
          ]);
        }
        await db.execute(
          sql`select day_start, good, total from sli_daily where slo_id = ${one.id}::uuid and day_start >= ${iso(w.start - w.length)}::timestamptz order by 1`,
        );
        await db.execute(
          sql`select hour_start, good, total from sli_hourly where slo_id = ${one.id}::uuid and hour_start >= ${iso(now - 78 * 3_600_000)}::timestamptz order by 1`,
        );
      });
    }
    const m = (xs: number[]) => round(median(xs), 1);
    console.log(
      `\nSLO bench on ${DRIVER} (${handle.kind === "postgres" ? "postgres.js" : "PGlite"} client), ${SLOS} SLOs, ${seeded.buckets.toLocaleString("en")} buckets\n`,
    );
    console.log(
      formatTable(
        ["measure", "Pharos", "bare SQL", "ratio", "target"],
        [
          ["ingestion, 10,000 buckets a request", `${m(ingest.slice(1))} ms`, "", "", ""],
          [
            "  → buckets per second",
            `${Math.round(10_000 / (perBatch / 1000)).toLocaleString("en")}`,
            "",
            "",
            "≥ 50,000",
          ],
          [
            `status of ${SLOS} SLOs, 30-day window`,
            `${m(status)} ms`,
            `${m(bare)} ms`,
            `${round(median(status) / median(bare), 2)}×`,
            "≤ 300 ms, ≤ 1.5×",
          ],
          [
            "one SLO page (status, history, series)",
            `${m(page)} ms`,
            `${m(pageBare)} ms`,
            `${round(median(page) / median(pageBare), 2)}×`,
            "≤ 100 ms, ≤ 1.5×",
          ],
        ],
      ),
    );
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
