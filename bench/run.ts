/**
 * `npm run bench`: imports a generated Backstage catalog into a fresh database, starts the
 * production server and times the catalog the way Backstage's catalog backend was timed,
 * then prints (and saves to bench/results/) Pharos against the Backstage figures.
 *
 *   npm run build && npm run bench -- [--components N] [--pglite] [--keep] [--requests N]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { analyze, type BenchDatabase, createBenchDatabase } from "./bench-db";
import { componentNames, SEARCH_TERMS, writeCatalog } from "./generate-catalog";
import { measure, type Probe, signIn, type Timed } from "./http-bench";
import {
  portInUse,
  ROOT,
  readRss,
  runCli,
  type Server,
  startServer,
  stopServer,
  tail,
  waitForHealth,
  waitForMetric,
} from "./processes";
import { REFERENCE_COMPONENTS, REFERENCES, type Reference } from "./reference";
import { formatTable, median, round } from "./stats";

const PORT = 3400;
const BUILD_ID = path.join(ROOT, ".next", "BUILD_ID");
const EMAIL = "bench@example.com";
const PASSWORD = "bench-password-1";

type Measured = { value: number; p95?: number; count?: number; note?: string };

const cleanups: { label: string; run: () => Promise<void> }[] = [];

async function cleanUp() {
  // Last registered first: stop the server before dropping its database.
  while (cleanups.length) {
    const step = cleanups.pop()!;
    try {
      await step.run();
    } catch (error) {
      console.error(`Clean-up (${step.label}) failed: ${(error as Error).message}`);
    }
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: cleaning up…`);
    cleanUp().finally(() => process.exit(130));
  });
}

function options() {
  const { values } = parseArgs({
    options: {
      components: { type: "string", default: String(REFERENCE_COMPONENTS) },
      requests: { type: "string", default: "200" },
      "max-seconds": { type: "string", default: "60" },
      pglite: { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      analyze: { type: "boolean", default: false },
      "skip-http": { type: "boolean", default: false },
    },
  });
  const components = Number(values.components);
  const requests = Number(values.requests);
  const maxSeconds = Number(values["max-seconds"]);
  if (!Number.isInteger(components) || components < 2) throw new Error("--components must be an integer ≥ 2");
  if (!Number.isInteger(requests) || requests < 1) throw new Error("--requests must be a positive integer");
  if (!(maxSeconds > 0)) throw new Error("--max-seconds must be positive");
  if (values.analyze && values.pglite) throw new Error("--analyze is for PostgreSQL only");
  return { ...values, components, requests, maxSeconds };
}

async function main() {
  const opts = options();
  const results = new Map<string, Measured>();
  const notes: string[] = [];
  const env: NodeJS.ProcessEnv = { ...process.env, AUTH_SECRET: "bench-secret-not-for-production" };
  delete env.DATABASE_URL;
  delete env.PHAROS_DATA_DIR;
  let database: BenchDatabase | null = null;
  let dataDir: string | null = null;

  // a. A database of its own, so nothing else's data (or load) is measured.
  if (opts.pglite) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pharos-bench-"));
    env.PHAROS_DATA_DIR = dataDir;
    const dir = dataDir;
    if (!opts.keep)
      cleanups.push({
        label: "remove data dir",
        run: async () => fs.rmSync(dir, { recursive: true, force: true }),
      });
    console.log(`Database: embedded PGlite in ${dataDir}`);
  } else {
    const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
    const db = await createBenchDatabase(adminUrl);
    database = db;
    env.DATABASE_URL = db.url;
    if (!opts.keep) cleanups.push({ label: `drop database ${db.name}`, run: db.drop });
    console.log(`Database: ${db.name} on PostgreSQL ${db.serverVersion}${opts.keep ? " (kept)" : ""}`);
  }

  // b. The catalog: deterministic, so every run imports the same bytes.
  const file = path.join(ROOT, "bench", "data", `catalog-${opts.components}.yaml`);
  writeCatalog(file, { components: opts.components });
  console.log(`Catalog: ${path.relative(ROOT, file)} (${Math.round(fs.statSync(file).size / 1024)} KB)`);

  // c. Import through the operator CLI; the figure includes tsx start-up (≈1 s).
  await runCli(["migrate"], env, 120_000);
  console.log("Importing…");
  const imported = await runCli(["import", "catalog", file], env, 600_000);
  const inProcess = /Imported in ([\d.]+) s/.exec(imported.stdout)?.[1];
  const counts = imported.stdout.trim().split("\n").at(-2) ?? "";
  results.set("ingest", {
    value: imported.seconds,
    note: inProcess ? `${inProcess} s inside the CLI` : undefined,
  });
  console.log(`  ${counts}`);
  console.log(
    `  import: ${imported.seconds.toFixed(1)} s wall (CLI's own timer: ${inProcess ?? "?"} s; the rest is start-up)`,
  );
  await runCli(
    ["user", "create", "--email", EMAIL, "--name", "Bench", "--role", "admin", "--password", PASSWORD],
    env,
    60_000,
  );
  const tokenOut = await runCli(
    ["token", "create", "--email", EMAIL, "--name", "bench", "--scopes", "read,write"],
    env,
    60_000,
  );
  const token = tokenOut.stdout.trim().split("\n").at(-1)?.trim();
  if (!token) throw new Error("token create printed no token");

  // The import itself vacuums and analyzes after a bulk load; --analyze repeats it, to compare.
  if (database && opts.analyze) {
    const seconds = await analyze(database.url);
    console.log(`ANALYZE after import: ${seconds.toFixed(1)} s (--analyze; not part of the ingest figure)`);
    notes.push("Planner statistics collected again with ANALYZE before measuring (--analyze).");
  }

  // d–f. The HTTP figures, against the production build.
  let rssSampled = false;
  if (opts["skip-http"]) {
    notes.push("HTTP measurements skipped (--skip-http).");
  } else if (!fs.existsSync(BUILD_ID)) {
    console.log("\nNo production build (.next/BUILD_ID): run `npm run build` first. Skipping the HTTP part.");
    notes.push("HTTP measurements skipped: no production build.");
  } else {
    if (await portInUse(PORT))
      throw new Error(`Port ${PORT} is already in use: stop whatever listens there.`);
    const server = startServer(PORT, env);
    cleanups.push({ label: "stop server", run: () => stopServer(server) });
    const ready = await waitForHealth(server, 90_000);
    console.log(`\nServer up on ${server.base} (pid ${server.pid}) in ${ready.toFixed(1)} s`);
    console.log("Waiting for the start-up scorecard refresh (30 s after start) to finish…");
    // The refresh writes only levels that changed (often none), so watch its metric.
    if (
      !(await waitForMetric(server, 'pharos_job_last_success_timestamp_seconds{job="scorecards"}', 120_000))
    )
      notes.push("The start-up scorecard refresh was not seen within 120 s; it may overlap the samples.");
    const buildId = fs.readFileSync(BUILD_ID, "utf8");
    try {
      await measureHttp(server, token, opts, results, notes);
    } catch (error) {
      const now = fs.existsSync(BUILD_ID) ? fs.readFileSync(BUILD_ID, "utf8") : null;
      const rebuilt =
        now !== buildId ? "\nThe production build changed during the run (a concurrent `next build`?)." : "";
      throw new Error(`${(error as Error).message}${rebuilt}\nServer output:\n${tail(server.log())}`);
    }
    const rss = processTreeRss(server.pid);
    if (rss) {
      results.set("rss", { value: rss.rssMb, note: `peak ${Math.round(rss.peakMb)} MB` });
      rssSampled = true;
    }
  }
  if (!rssSampled) notes.push("Server RSS not sampled.");

  report(opts, results, notes, database);
}

async function measureHttp(
  server: Server,
  token: string,
  opts: ReturnType<typeof options>,
  results: Map<string, Measured>,
  notes: string[],
) {
  const slugs = componentNames({ components: opts.components });
  // A stride through the catalog rather than neighbours, so no page of the index stays hot.
  const slugAt = (i: number) => slugs[(i * 7919) % slugs.length];
  const term = (i: number) => SEARCH_TERMS[i % SEARCH_TERMS.length];
  const bearer = () => ({ authorization: `Bearer ${token}` });
  const run = async (id: string, probe: Probe) => {
    const label = REFERENCES.find((r) => r.id === id)?.label ?? id;
    const timed = await measure(server.base, probe, {
      warmup: 20,
      count: opts.requests,
      maxSeconds: opts.maxSeconds,
      timeoutMs: 15_000,
    });
    results.set(id, { value: timed.median, p95: timed.p95, count: timed.samples.length });
    console.log(
      `  ${label}: median ${timed.median.toFixed(1)} ms, p95 ${timed.p95.toFixed(1)} ms over ${timed.samples.length}` +
        (timed.stoppedEarly ? " (stopped at the time limit)" : ""),
    );
    return timed;
  };

  console.log("Floor (no auth, one trivial query):");
  await run("floor", {
    path: () => "/api/health",
    check: (status, body) => (status === 200 ? null : `status ${status}: ${body.slice(0, 200)}`),
  });

  console.log("REST API (bearer token):");
  await run("rest-first-page", {
    path: () => "/api/v1/services?page=1&pageSize=20",
    headers: bearer,
    check: (status, body) => {
      if (status !== 200) return `status ${status}: ${body.slice(0, 200)}`;
      const json = JSON.parse(body) as { total: number; items: unknown[] };
      if (json.total !== opts.components) return `total is ${json.total}, expected ${opts.components}`;
      return json.items.length === Math.min(20, opts.components) ? null : `${json.items.length} items`;
    },
  });

  const hits = new Map<string, number>();
  await run("rest-search", {
    path: (i) => `/api/v1/services?q=${encodeURIComponent(term(i))}&pageSize=20`,
    headers: bearer,
    check: (status, body, p) => {
      if (status !== 200) return `status ${status}: ${body.slice(0, 200)}`;
      hits.set(new URL(p, server.base).searchParams.get("q")!, (JSON.parse(body) as { total: number }).total);
      return null;
    },
  });
  const empty = [...hits].filter(([, n]) => n === 0).map(([t]) => t);
  if (empty.length) notes.push(`Search terms with no hits: ${empty.join(", ")}.`);
  notes.push(`Search hits per term: median ${median([...hits.values()])} of ${opts.components}.`);

  // One facet per request under a filter, as Backstage's UI asks /entity-facets?facet=….
  const facetFilters = [
    "facet=lifecycle&tier=tier1",
    "facet=tier&lifecycle=deprecated",
    "facet=team&tier=tier0",
    "facet=tier&lifecycle=experimental",
  ];
  await run("rest-facets", {
    path: (i) => `/api/v1/services/facets?${facetFilters[i % facetFilters.length]}`,
    headers: bearer,
    check: (status, body) =>
      status === 200 && body.startsWith("{") ? null : `status ${status}: ${body.slice(0, 200)}`,
  });

  // A real write through the API (it moves the catalog version, as any write does), so the
  // next request finds no cached counts.
  const write = async (i: number) => {
    const res = await fetch(`${server.base}/api/v1/services/${slugs[0]}`, {
      method: "PATCH",
      headers: { ...bearer(), "content-type": "application/json" },
      body: JSON.stringify({ description: `Benchmark write ${i}` }),
      signal: AbortSignal.timeout(15_000),
    });
    if (res.status !== 200)
      throw new Error(`PATCH before a cold read answered ${res.status}: ${await res.text()}`);
  };
  await run("rest-facets-cold", {
    path: (i) => `/api/v1/services/facets?${facetFilters[i % facetFilters.length]}`,
    headers: bearer,
    before: write,
    check: (status, body) =>
      status === 200 && body.startsWith("{") ? null : `status ${status}: ${body.slice(0, 200)}`,
  });

  await run("rest-entity", {
    path: (i) => `/api/v1/services/${slugAt(i)}`,
    headers: bearer,
    check: (status, body, p) =>
      status === 200 && body.includes(p.split("/").at(-1)!)
        ? null
        : `status ${status}: ${body.slice(0, 200)}`,
  });

  console.log("Server-rendered pages (signed-in session):");
  const jar = await signIn(server.base, EMAIL, PASSWORD);
  const variants = [
    () => "/services",
    () => "/services?tier=tier0",
    (i: number) => `/services?q=${encodeURIComponent(term(Math.floor(i / 5)))}`,
    () => "/services?team=team-007&page=2",
    () => "/services?lifecycle=deprecated&sort=level",
  ];
  const page =
    (expect: (body: string, p: string) => boolean) => (status: number, body: string, p: string) => {
      if (status >= 300 && status < 400) return `redirected (${status}): the session cookie was not accepted`;
      if (status !== 200) return `status ${status}`;
      return expect(body, p) ? null : "the page lacks its expected content";
    };
  const warmup = 20;
  const catalog = await run("ssr-catalog", {
    path: (i) => variants[i % variants.length](i),
    headers: () => jar.header(),
    check: page((body) => /<h1[^>]*>Services<\/h1>/.test(body)),
  });
  notes.push(`SSR catalog by variant (median ms): ${variantMedians(catalog, variants.length, warmup)}.`);
  const cold = await run("ssr-catalog-cold", {
    path: (i) => variants[i % variants.length](i),
    headers: () => jar.header(),
    before: write,
    check: page((body) => /<h1[^>]*>Services<\/h1>/.test(body)),
  });
  notes.push(
    `SSR catalog after a write, by variant (median ms): ${variantMedians(cold, variants.length, warmup)}.`,
  );
  await run("ssr-service", {
    path: (i) => `/services/${slugAt(i)}`,
    headers: () => jar.header(),
    check: page((body, p) => body.includes(p.split("/").at(-1)!)),
  });
}

/** Medians per URL variant: sample k came from request warmup + k, variant (warmup + k) % n. */
function variantMedians(timed: Timed, n: number, warmup: number): string {
  const names = ["none", "tier=tier0", "q=term", "team+page=2", "lifecycle+sort=level"];
  return Array.from({ length: n }, (_, v) => {
    const mine = timed.samples.filter((_, k) => (warmup + k) % n === v);
    return `${names[v]} ${median(mine).toFixed(1)}`;
  }).join(", ");
}

/** RSS of the server and any children it started (Next may fork workers). */
function processTreeRss(pid: number) {
  const pids = [pid];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (pids.includes(ppid)) pids.push(Number(entry));
    } catch {
      // Gone already.
    }
  }
  const all = pids.map(readRss).filter((r) => r !== null);
  if (!all.length) return null;
  return { rssMb: all.reduce((s, r) => s + r.rssMb, 0), peakMb: all.reduce((s, r) => s + r.peakMb, 0) };
}

function fmt(n: number, unit: string) {
  return `${n < 100 ? n.toFixed(1) : Math.round(n)} ${unit}`;
}

function report(
  opts: ReturnType<typeof options>,
  results: Map<string, Measured>,
  notes: string[],
  database: BenchDatabase | null,
) {
  const comparable = opts.components === REFERENCE_COMPONENTS;
  const rows: string[][] = [];
  const json: Record<string, unknown>[] = [];
  for (const ref of REFERENCES) {
    const m = results.get(ref.id);
    const pass = m && ref.target !== null ? passes(ref, m.value) : null;
    const ratio = m && typeof ref.backstage === "number" ? ref.backstage / m.value : null;
    rows.push([
      ref.label,
      m ? fmt(m.value, ref.unit) : "—",
      m?.p95 !== undefined ? fmt(m.p95, ref.unit) : "—",
      ref.backstage === null ? "—" : `${ref.backstage} ${ref.unit}`,
      ref.target === null ? "—" : `${ref.strict ? "<" : "≤"} ${ref.target} ${ref.unit}`,
      ratio === null ? "—" : `${ratio.toFixed(1)}×`,
      pass === null ? "—" : `${pass ? "yes" : "NO"}${comparable || ref.backstage === null ? "" : "*"}`,
    ]);
    json.push({
      metric: ref.id,
      label: ref.label,
      unit: ref.unit,
      median: m ? round(m.value, 2) : null,
      p95: m?.p95 !== undefined ? round(m.p95, 2) : null,
      samples: m?.count ?? (m ? 1 : 0),
      backstage: ref.backstage,
      target: ref.target,
      ratio: ratio === null ? null : round(ratio, 2),
      pass,
      note: m?.note ?? null,
    });
  }
  const header = [
    "metric",
    "Pharos median",
    "p95",
    "Backstage",
    "target",
    "ratio (Backstage/Pharos)",
    "pass?",
  ];
  console.log(`\n${formatTable(header, rows)}\n`);
  for (const [id, m] of results) if (m.note) console.log(`${id}: ${m.note}`);
  if (!comparable) {
    notes.push(
      `* ${opts.components} components, not ${REFERENCE_COMPONENTS}: the Backstage figures are not comparable.`,
    );
  }
  for (const n of notes) console.log(n);
  const passed = json.filter((r) => r.pass === true).length;
  const judged = json.filter((r) => r.pass !== null).length;
  console.log(`\n${passed} of ${judged} targets met.`);

  const dir = path.join(ROOT, "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  const out = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  const meta = {
    date: new Date().toISOString(),
    components: opts.components,
    groups: 200,
    dependsOnEdges: opts.components * 3,
    database: opts.pglite ? "pglite" : `postgresql ${database?.serverVersion}`,
    autovacuum: database?.autovacuum ?? null,
    analyzedBeforeMeasuring: opts.analyze,
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    requestsPerMetric: opts.requests,
  };
  fs.writeFileSync(out, `${JSON.stringify({ ...meta, metrics: json, notes }, null, 2)}\n`);
  console.log(`Saved ${path.relative(ROOT, out)}`);
}

function passes(ref: Reference, value: number): boolean {
  return ref.strict ? value < ref.target! : value <= ref.target!;
}

main()
  .catch((error: unknown) => {
    console.error(`\nBenchmark failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  })
  .finally(cleanUp);
