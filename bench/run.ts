/**
 * `npm run bench`: imports a generated Backstage catalog into a fresh database, starts the
 * production server and times the catalog reads with two clients. With `--peer` it also
 * runs Backstage's catalog backend on the same PostgreSQL with the same entities and times
 * both side by side in interleaved rounds, printing the ratios Backstage ÷ Pharos.
 *
 *   PHAROS_DIST_DIR=.next-bench npx next build
 *   PHAROS_DIST_DIR=.next-bench npm run bench -- [--peer] [--components N] [--requests N] …
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { analyze, type BenchDatabase, createBenchDatabase } from "./bench-db";
import { KeepAliveClient } from "./clients";
import { type ClientName, measureRead, type Read, type ReadResult, type Servers } from "./compare";
import { catalogDocuments, componentNames, SEARCH_TERMS, writeCatalog } from "./generate-catalog";
import { signIn } from "./http-bench";
import {
  ensurePeerInstalled,
  type Peer,
  startBackstage,
  stopBackstage,
  waitForBackstage,
  waitForIngestion,
  writeEntityFiles,
} from "./peer/backstage";
import { portInUse, ROOT, readRss, runCli, startServer, stopServer, tail, waitForHealth } from "./processes";
import { catalogReads } from "./reads";
import { type Own, type Paired, printReport, type Report, saveReport } from "./report";
import { type BurstResult, signInBurst } from "./signin-burst";
import { visibleInBackstage, visibleInPharos } from "./visible";

const PORT = 3400;
const PEER_PORT = 7407;
const GROUPS = 200;
const EMAIL = "bench@example.com";
const PASSWORD = "bench-password-1";
/** The sign-in burst's accounts: one each, as parallel tries at one account are throttled. */
const BURST_USERS = Array.from({ length: 16 }, (_, i) => ({
  email: `bench-signin-${String(i + 1).padStart(2, "0")}@example.com`,
  password: PASSWORD,
}));

const cleanups: { label: string; run: () => Promise<void> }[] = [];

async function cleanUp() {
  // Last registered first: stop the servers before dropping their databases.
  while (cleanups.length) {
    const step = cleanups.pop()!;
    try {
      await step.run();
    } catch (error) {
      console.error(`Clean-up (${step.label}) failed: ${(error as Error).message}`);
    }
  }
}

/** Runs one registered clean-up now (say, stopping the peer before the Pharos-only steps). */
async function cleanUpNow(label: string) {
  const i = cleanups.findIndex((c) => c.label === label);
  if (i >= 0) await cleanups.splice(i, 1)[0].run();
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
      peer: { type: "boolean", default: false },
      components: { type: "string", default: "10000" },
      requests: { type: "string", default: "200" },
      "max-seconds": { type: "string", default: "60" },
      clients: { type: "string", default: "keep-alive,curl" },
      "ingest-timeout": { type: "string", default: "1200" },
      "visible-timeout": { type: "string", default: "300" },
      pglite: { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      analyze: { type: "boolean", default: false },
      "skip-http": { type: "boolean", default: false },
    },
  });
  const int = (name: string, min: number) => {
    const n = Number(values[name as keyof typeof values]);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
    return n;
  };
  const clients = String(values.clients)
    .split(",")
    .map((c) => c.trim()) as ClientName[];
  if (!clients.length || clients.some((c) => c !== "keep-alive" && c !== "curl"))
    throw new Error("--clients is a comma-separated list of keep-alive and curl");
  if (values.analyze && values.pglite) throw new Error("--analyze is for PostgreSQL only");
  if (values.peer && values.pglite)
    throw new Error("--peer runs Pharos on PostgreSQL, the server Backstage uses");
  return {
    ...values,
    clients,
    components: int("components", 2),
    requests: int("requests", 1),
    maxSeconds: int("max-seconds", 1),
    ingestTimeout: int("ingest-timeout", 10),
    visibleTimeout: int("visible-timeout", 1),
  };
}
type Options = ReturnType<typeof options>;

async function main() {
  const opts = options();
  const distDir = process.env.PHAROS_DIST_DIR || ".next";
  const buildId = path.join(ROOT, distDir, "BUILD_ID");
  const notes: string[] = [];
  const paired: Paired[] = [];
  const own: Own[] = [];
  let reads: ReadResult[] = [];
  let burst: BurstResult | null = null;
  const env: NodeJS.ProcessEnv = { ...process.env, AUTH_SECRET: "bench-secret-not-for-production" };
  delete env.DATABASE_URL;
  delete env.PHAROS_DATA_DIR;
  const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  let database: BenchDatabase | null = null;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "pharos-bench-"));
  if (!opts.keep)
    cleanups.push({
      label: "remove work dir",
      run: async () => fs.rmSync(work, { recursive: true, force: true }),
    });

  // a. A database of its own, so nothing else's data (or load) is measured.
  if (opts.pglite) {
    env.PHAROS_DATA_DIR = path.join(work, "data");
    console.log(`Database: embedded PGlite in ${env.PHAROS_DATA_DIR}`);
  } else {
    database = await createBenchDatabase(adminUrl);
    env.DATABASE_URL = database.url;
    if (!opts.keep) cleanups.push({ label: `drop database ${database.name}`, run: database.drop });
    console.log(
      `Database: ${database.name} on PostgreSQL ${database.serverVersion}${opts.keep ? " (kept)" : ""}`,
    );
  }

  // b. The catalog: deterministic, so every run (and both servers) reads the same entities.
  const file = path.join(ROOT, "bench", "data", `catalog-${opts.components}.yaml`);
  writeCatalog(file, { components: opts.components, groups: GROUPS });
  console.log(`Catalog: ${path.relative(ROOT, file)} (${Math.round(fs.statSync(file).size / 1024)} KB)`);

  // c. Pharos ingests through the operator CLI; the figure includes tsx start-up (≈1 s).
  await runCli(["migrate"], env, 120_000);
  console.log("Pharos: importing…");
  const imported = await runCli(["import", "catalog", file], env, 600_000);
  const inProcess = /Imported in ([\d.]+) s/.exec(imported.stdout)?.[1];
  console.log(`  ${imported.stdout.trim().split("\n").at(-2) ?? ""}`);
  console.log(`  ${imported.seconds.toFixed(1)} s wall (the CLI's own timer: ${inProcess ?? "?"} s)`);
  await runCli(
    ["user", "create", "--email", EMAIL, "--name", "Bench", "--role", "admin", "--password", PASSWORD],
    env,
    60_000,
  );
  // Four CLI processes at a time on PostgreSQL; PGlite takes one process at a time.
  const parallel = opts.pglite ? 1 : 4;
  for (let i = 0; i < BURST_USERS.length; i += parallel)
    await Promise.all(
      BURST_USERS.slice(i, i + parallel).map((u) =>
        runCli(
          [
            "user",
            "create",
            "--email",
            u.email,
            "--name",
            "Bench sign-in",
            "--role",
            "viewer",
            "--password",
            u.password,
          ],
          env,
          60_000,
        ),
      ),
    );
  const tokenOut = await runCli(
    ["token", "create", "--email", EMAIL, "--name", "bench", "--scopes", "read,write"],
    env,
    60_000,
  );
  const token = tokenOut.stdout.trim().split("\n").at(-1)?.trim();
  if (!token) throw new Error("token create printed no token");
  if (database && opts.analyze) {
    const seconds = await analyze(database.url);
    console.log(`ANALYZE after import: ${seconds.toFixed(1)} s (--analyze; not part of the ingest figure)`);
    notes.push("Planner statistics collected again with ANALYZE before measuring (--analyze).");
  }

  // d. The peer ingests the same entities, one file each, before Pharos's server starts.
  let peer: Peer | null = null;
  let peerIngest: number | null = null;
  const entitiesDir = path.join(work, "entities");
  if (opts.peer) {
    const installed = await ensurePeerInstalled();
    if (installed !== null) console.log(`  installed in ${installed.toFixed(0)} s`);
    if (await portInUse(PEER_PORT))
      throw new Error(`Port ${PEER_PORT} is already in use: stop whatever listens there.`);
    writeEntityFiles(entitiesDir, catalogDocuments({ components: opts.components, groups: GROUPS }));
    const peerDb = await createBenchDatabase(adminUrl, "pharos_peer_");
    if (!opts.keep) cleanups.push({ label: `drop database ${peerDb.name}`, run: peerDb.drop });
    console.log(
      `Backstage: catalog backend on database ${peerDb.name}, ${opts.components + GROUPS} entity files; ingesting…`,
    );
    const started = performance.now();
    const running = startBackstage({ port: PEER_PORT, databaseUrl: peerDb.url, entitiesDir, workDir: work });
    peer = running;
    cleanups.push({ label: "stop backstage", run: () => stopBackstage(running) });
    await waitForBackstage(running, 120_000);
    const { state } = await waitForIngestion(
      running,
      { components: opts.components, groups: GROUPS },
      opts.ingestTimeout * 1000,
    );
    peerIngest = (performance.now() - started) / 1000;
    console.log(
      `  complete in ${peerIngest.toFixed(1)} s (${state.entities} entities, ${state.failing} with errors)`,
    );
    // Pharos's import vacuums and analyzes its tables itself; Backstage leaves that to
    // autovacuum, so the harness stands in for it (untimed), or Backstage would plan blind.
    const vacuumed = await analyze(peerDb.url, { vacuum: true });
    console.log(
      `  VACUUM (ANALYZE) of its database: ${vacuumed.toFixed(1)} s (autovacuum's work, not in the ingest figure)`,
    );
    notes.push(
      `Backstage's database was vacuumed and analyzed after its ingestion (${vacuumed.toFixed(1)} s, not counted), as autovacuum${database?.autovacuum ? "" : " (off on this server)"} would.`,
    );
  }
  paired.push({
    id: "ingest",
    label: `Ingest ${opts.components} components + ${GROUPS} groups`,
    unit: "s",
    pharos: imported.seconds,
    backstage: peerIngest,
    target: 5,
    note: `Pharos: CLI import, wall (${inProcess ?? "?"} s inside the CLI). Backstage: from starting the backend until every entity is processed and stitched and the stitch queue is empty.`,
  });

  if (opts["skip-http"]) notes.push("HTTP measurements skipped (--skip-http).");
  else if (!fs.existsSync(buildId)) {
    console.log(
      `\nNo production build in ${distDir} (BUILD_ID): build first, e.g. PHAROS_DIST_DIR=.next-bench npx next build.`,
    );
    notes.push(`HTTP measurements skipped: no production build in ${distDir}.`);
  } else {
    const measured = await measureHttp(opts, env, token, peer, entitiesDir, buildId, notes, paired, own);
    reads = measured.reads;
    burst = measured.burst;
  }

  const report: Report = {
    peer: opts.peer,
    reads,
    paired,
    own,
    burst,
    notes,
    meta: {
      components: opts.components,
      groups: GROUPS,
      dependsOnEdges: opts.components * 3,
      database: opts.pglite ? "pglite" : `postgresql ${database?.serverVersion}`,
      autovacuum: database?.autovacuum ?? null,
      distDir,
      clients: opts.clients,
      searchTerms: SEARCH_TERMS,
      requestsPerRead: opts.requests,
    },
  };
  printReport(report);
  console.log(`Saved ${saveReport(report)}`);
}

async function measureHttp(
  opts: Options,
  env: NodeJS.ProcessEnv,
  token: string,
  peer: Peer | null,
  entitiesDir: string,
  buildId: string,
  notes: string[],
  paired: Paired[],
  own: Own[],
) {
  if (await portInUse(PORT)) throw new Error(`Port ${PORT} is already in use: stop whatever listens there.`);
  const server = startServer(PORT, env);
  cleanups.push({ label: "stop pharos", run: () => stopServer(server) });
  const ready = await waitForHealth(server, 90_000);
  console.log(`\nPharos up on ${server.base} (pid ${server.pid}) in ${ready.toFixed(1)} s`);
  // Scheduled jobs run on the queue at fixed minutes now (the scorecard refresh hourly at :07),
  // not shortly after start, so there is no start-up refresh to wait out; the report notes
  // whether one ran during the samples.
  const build = fs.readFileSync(buildId, "utf8");
  const servers: Servers = {
    pharos: new KeepAliveClient(server.base),
    backstage: peer ? new KeepAliveClient(peer.base) : undefined,
  };
  const slugs = componentNames({ components: opts.components });
  const bearer = { authorization: `Bearer ${token}` };
  // A real write through the API (it moves the catalog version, as any write does).
  const pharosWrite = async (i: number) => {
    const res = await fetch(`${server.base}/api/v1/services/${slugs[0]}`, {
      method: "PATCH",
      headers: { ...bearer, "content-type": "application/json" },
      body: JSON.stringify({ description: `Benchmark write ${i} ${Date.now()}` }),
      signal: AbortSignal.timeout(15_000),
    });
    if (res.status !== 200)
      throw new Error(`PATCH before a read answered ${res.status}: ${await res.text()}`);
  };
  const run = async (read: Read, clients = opts.clients) => {
    const result = await measureRead(read, servers, { maxSeconds: opts.maxSeconds, clients });
    for (const [client, c] of Object.entries(result.clients)) {
      const b = c.backstage
        ? `; Backstage ${c.backstage.median.toFixed(1)} (p95 ${c.backstage.p95.toFixed(1)}) → ${c.ratio?.toFixed(2)}×`
        : "";
      console.log(
        `  ${read.label} [${client}]: Pharos ${c.pharos.median.toFixed(1)} ms (p95 ${c.pharos.p95.toFixed(1)})${b}${c.stoppedEarly ? " (time limit)" : ""}`,
      );
    }
    return result;
  };
  try {
    console.log(peer ? "Catalog reads, Pharos and Backstage in interleaved rounds:" : "Catalog reads:");
    const reads: ReadResult[] = [];
    for (const read of catalogReads({
      components: opts.components,
      groups: GROUPS,
      slugs,
      token,
      pharosWrite,
      requests: opts.requests,
    }))
      reads.push(await run(read));

    console.log("Time until a write is visible:");
    const pharosVisible = await visibleInPharos(servers.pharos, bearer, slugs[1], 5);
    const peerVisible = peer
      ? await visibleInBackstage(servers.backstage!, entitiesDir, slugs[1], opts.visibleTimeout)
      : null;
    console.log(
      `  Pharos ${pharosVisible.toFixed(1)} ms${peer ? `, Backstage ${peerVisible === null ? `not within ${opts.visibleTimeout} s` : `${(peerVisible / 1000).toFixed(1)} s`}` : ""}`,
    );
    paired.push({
      id: "write-visible",
      label: "A write visible to readers",
      unit: "ms",
      pharos: pharosVisible,
      backstage: peerVisible,
      target: null,
      note:
        "Pharos: PATCH through the API, then GET until the new description shows (median of 5). Backstage: the entity's file rewritten, then GET by name every 0.5 s until it shows (its default processing interval is 100–150 s)." +
        (peer && peerVisible === null ? ` Backstage had not shown it after ${opts.visibleTimeout} s.` : ""),
    });

    const pharosRss = processTreeRss(server.pid);
    const peerRss = peer ? readRss(peer.pid) : null;
    paired.push({
      id: "rss",
      label: "Server memory (RSS) after the reads",
      unit: "MB",
      pharos: pharosRss?.rssMb ?? null,
      backstage: peerRss?.rssMb ?? null,
      target: null,
      note: `peak: Pharos ${Math.round(pharosRss?.peakMb ?? 0)} MB${peerRss ? `, Backstage ${Math.round(peerRss.peakMb)} MB` : ""}.`,
    });
    // Pharos alone from here: the peer's background processing would only add noise.
    if (peer) {
      servers.backstage?.close();
      servers.backstage = undefined;
      await cleanUpNow("stop backstage");
    }

    console.log("Pharos only:");
    own.push(...(await pharosOnly(server.base, slugs, pharosWrite, opts, run, notes)));
    console.log("Health during a sign-in burst:");
    const burst = await signInBurst(server.base, BURST_USERS);
    console.log(
      `  ${burst.hashing}: health median ${burst.during.median.toFixed(1)} ms, p95 ${burst.during.p95.toFixed(1)}, max ${burst.during.max.toFixed(1)} over ${burst.during.samples} samples`,
    );
    return { reads, burst };
  } catch (error) {
    const now = fs.existsSync(buildId) ? fs.readFileSync(buildId, "utf8") : null;
    const rebuilt =
      now !== build ? "\nThe production build changed during the run (a concurrent `next build`?)." : "";
    throw new Error(`${(error as Error).message}${rebuilt}\nServer output:\n${tail(server.log())}`);
  } finally {
    servers.pharos.close();
    servers.backstage?.close();
  }
}

/** The floor and the server-rendered pages, which have no Backstage counterpart. */
async function pharosOnly(
  base: string,
  slugs: string[],
  pharosWrite: (i: number) => Promise<void>,
  opts: Options,
  run: (read: Read, clients?: ClientName[]) => Promise<ReadResult>,
  notes: string[],
): Promise<Own[]> {
  const jar = await signIn(base, EMAIL, PASSWORD);
  const session = jar.header();
  const slugAt = (i: number) => slugs[(i * 7919) % slugs.length];
  const term = (i: number) => SEARCH_TERMS[Math.floor(i / 5) % SEARCH_TERMS.length];
  const variants = [
    () => "/services",
    () => "/services?tier=tier0",
    (i: number) => `/services?q=${encodeURIComponent(term(i))}`,
    () => "/services?team=team-007&page=2",
    () => "/services?lifecycle=deprecated&sort=level",
  ];
  const page =
    (expect: (body: string, p: string) => boolean) => (status: number, body: string, p: string) => {
      if (status >= 300 && status < 400) return `redirected (${status}): the session cookie was not accepted`;
      if (status !== 200) return `status ${status}`;
      return expect(body, p) ? null : "the page lacks its expected content";
    };
  const catalogPage = page((body) => /<h1[^>]*>Services<\/h1>/.test(body));
  const rounds = Math.max(1, Math.ceil(opts.requests / 20));
  const one = { target: null, rounds, batch: 20, warmup: 20 };
  const rows: [Read, number | null][] = [
    [
      {
        id: "floor",
        label: "Floor: GET /api/health",
        ...one,
        pharos: { path: () => "/api/health", check: (s) => (s === 200 ? null : `status ${s}`) },
      },
      null,
    ],
    [
      {
        id: "ssr-catalog",
        label: "SSR /services?… (5 variants)",
        ...one,
        pharos: { path: (i) => variants[i % 5](i), headers: session, check: catalogPage },
      },
      40,
    ],
    [
      {
        id: "ssr-catalog-cold",
        label: "SSR /services?… right after a write",
        ...one,
        rounds: Math.max(1, Math.ceil(opts.requests / 2 / 10)),
        batch: 10,
        pharos: {
          path: (i) => variants[i % 5](i),
          headers: session,
          before: pharosWrite,
          check: catalogPage,
        },
      },
      null,
    ],
    [
      {
        id: "ssr-service",
        label: "SSR /services/{slug}",
        ...one,
        pharos: {
          path: (i) => `/services/${slugAt(i)}`,
          headers: session,
          check: page((body, p) => body.includes(p.split("/").at(-1)!)),
        },
      },
      70,
    ],
  ];
  const out: Own[] = [];
  for (const [read, below] of rows) {
    const c = (await run(read, ["keep-alive"])).clients["keep-alive"]!;
    out.push({
      id: read.id,
      label: read.label,
      median: c.pharos.median,
      p95: c.pharos.p95,
      samples: c.pharos.samples,
      below,
    });
  }
  notes.push(
    await documentSizes(base, session, [
      ...variants.map((v) => v(0)),
      ...[0, 1, 2].map((i) => `/services/${slugAt(i)}`),
    ]),
  );
  return out;
}

/** Each page's document as the browser receives it once decompressed: HTML plus its RSC payload (target < 60 KB). */
async function documentSizes(base: string, session: Record<string, string>, paths: string[]) {
  const client = new KeepAliveClient(base);
  const sizes: string[] = [];
  for (const path of paths) {
    const answer = await client.get({ path, headers: session });
    sizes.push(
      `${path} ${(Buffer.byteLength(answer.body) / 1000).toFixed(1)} KB${answer.status === 200 ? "" : ` (status ${answer.status})`}`,
    );
  }
  client.close();
  const line = `Page documents (HTML + RSC payload, uncompressed; target < 60 KB), signed in as the bench admin: ${sizes.join(", ")}.`;
  console.log(`  ${line}`);
  return line;
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

main()
  .catch((error: unknown) => {
    console.error(`\nBenchmark failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  })
  .finally(cleanUp);
