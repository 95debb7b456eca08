/**
 * The peer: Backstage's catalog backend (bench/peer/backend.cjs) on the same PostgreSQL as
 * Pharos, in a database of its own, reading one YAML file per entity through a `file`
 * location with a glob target, as a Backstage installation reads a folder of
 * catalog-info.yaml files. Installed into bench/peer/node_modules from the committed lockfile
 * the first time a peer run asks for it; never by the root `npm ci`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import type { CatalogDocument } from "../generate-catalog";
import { ROOT, sleep, tail } from "../processes";

export const PEER_DIR = path.join(ROOT, "bench", "peer");
const LOCK = path.join(PEER_DIR, "package-lock.json");
const MARKER = path.join(PEER_DIR, "node_modules", ".pharos-peer-installed");

const lockHash = () => createHash("sha256").update(fs.readFileSync(LOCK)).digest("hex");

/** `npm ci` in bench/peer unless the installed tree was made from this very lockfile. */
export async function ensurePeerInstalled(timeoutMs = 15 * 60_000): Promise<number | null> {
  const want = lockHash();
  if (fs.existsSync(MARKER) && fs.readFileSync(MARKER, "utf8").trim() === want) return null;
  console.log("Installing Backstage's catalog backend into bench/peer (npm ci, ≈740 packages)…");
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn("npm", ["ci", "--no-audit", "--no-fund"], {
      cwd: PEER_DIR,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    const keep = (d: Buffer) => {
      log = (log + d.toString()).slice(-20_000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`npm ci in bench/peer exited ${code}:\n${tail(log)}`));
    });
  });
  fs.writeFileSync(MARKER, `${want}\n`);
  return (performance.now() - started) / 1000;
}

/** One file per entity, as a repository of catalog-info.yaml files would hold them. */
export function writeEntityFiles(dir: string, docs: CatalogDocument[]) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const d of docs) fs.writeFileSync(path.join(dir, entityFile(d)), d.yaml);
}

export const entityFile = (d: { kind: string; name: string }) => `${d.kind.toLowerCase()}-${d.name}.yaml`;

export type Peer = {
  child: ChildProcess;
  pid: number;
  base: string;
  /** The peer's database, where its catalog tables live (schema `catalog`). */
  databaseUrl: string;
  log: () => string;
};

/**
 * The app-config: the database (one schema per plugin inside the database the harness made),
 * the location, reads without credentials, and Backstage's defaults for everything else
 * (processing every 100–150 s, deferred stitching).
 */
function appConfig(port: number, databaseUrl: string, entitiesDir: string) {
  const db = new URL(databaseUrl);
  const base = `http://127.0.0.1:${port}`;
  return {
    app: { baseUrl: base },
    backend: {
      baseUrl: base,
      listen: { host: "127.0.0.1", port },
      auth: { dangerouslyDisableDefaultAuthPolicy: true },
      database: {
        client: "pg",
        pluginDivisionMode: "schema",
        ensureExists: false,
        ensureSchemaExists: true,
        connection: {
          host: db.hostname,
          port: Number(db.port || 5432),
          user: decodeURIComponent(db.username || "postgres"),
          ...(db.password ? { password: decodeURIComponent(db.password) } : {}),
          database: db.pathname.slice(1),
        },
      },
    },
    catalog: {
      rules: [{ allow: ["Component", "Group", "Location"] }],
      locations: [{ type: "file", target: path.join(entitiesDir, "*.yaml") }],
    },
  };
}

export function startBackstage(opts: {
  port: number;
  databaseUrl: string;
  entitiesDir: string;
  workDir: string;
}): Peer {
  const config = path.join(opts.workDir, "app-config.json");
  fs.writeFileSync(config, JSON.stringify(appConfig(opts.port, opts.databaseUrl, opts.entitiesDir), null, 2));
  const child = spawn(process.execPath, ["backend.cjs", "--config", config], {
    cwd: PEER_DIR,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const keep = (d: Buffer) => {
    log = (log + d.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  if (!child.pid) throw new Error("Could not start bench/peer/backend.cjs");
  return {
    child,
    pid: child.pid,
    base: `http://127.0.0.1:${opts.port}`,
    databaseUrl: opts.databaseUrl,
    log: () => log,
  };
}

export async function waitForBackstage(peer: Peer, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (peer.child.exitCode !== null)
      throw new Error(`Backstage exited (${peer.child.exitCode}):\n${tail(peer.log())}`);
    try {
      const res = await fetch(`${peer.base}/.backstage/health/v1/readiness`, {
        signal: AbortSignal.timeout(2_000),
      });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`Backstage was not ready within ${timeoutMs / 1000} s:\n${tail(peer.log())}`);
}

export type IngestionState = {
  /** Entities the catalog knows (refresh_state: every emitted entity, the location included). */
  entities: number;
  /** Of those, processed at least once. */
  processed: number;
  /** Final entities written by the stitcher (what the API serves). */
  stitched: number;
  /** Entities waiting in the stitch queue. */
  queued: number;
  /** Entities whose processing reported errors. */
  failing: number;
  components: number;
  groups: number;
};

async function ingestionState(sql: postgres.Sql, base: string): Promise<IngestionState> {
  const [row] = await sql<
    { entities: number; processed: number; stitched: number; queued: number; failing: number }[]
  >`
    select (select count(*) from catalog.refresh_state)::int as entities,
           (select count(*) from catalog.refresh_state where processed_entity is not null)::int as processed,
           (select count(*) from catalog.final_entities where final_entity is not null)::int as stitched,
           (select count(*) from catalog.stitch_queue)::int as queued,
           (select count(*) from catalog.refresh_state where errors not in ('', '[]'))::int as failing`;
  const total = async (kind: string) => {
    const res = await fetch(`${base}/api/catalog/entities/by-query?filter=kind=${kind}&limit=0`, {
      signal: AbortSignal.timeout(30_000),
    });
    if (res.status !== 200) throw new Error(`by-query answered ${res.status}`);
    return ((await res.json()) as { totalItems: number }).totalItems;
  };
  return { ...row, components: await total("component"), groups: await total("group") };
}

/**
 * Ingestion is complete when the API lists every component and group, every entity the
 * catalog knows has been processed and stitched, and the stitch queue is empty (relations of
 * late-arriving targets are stitched into their sources through that queue).
 */
export async function waitForIngestion(
  peer: Peer,
  expected: { components: number; groups: number },
  timeoutMs: number,
): Promise<{ seconds: number; state: IngestionState }> {
  const started = performance.now();
  const sql = postgres(peer.databaseUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
  let state: IngestionState | null = null;
  let lastLog = started;
  try {
    while (performance.now() - started < timeoutMs) {
      if (peer.child.exitCode !== null)
        throw new Error(`Backstage exited (${peer.child.exitCode}):\n${tail(peer.log())}`);
      try {
        state = await ingestionState(sql, peer.base);
      } catch {
        state = null; // its tables are still being made
      }
      if (
        state &&
        state.components === expected.components &&
        state.groups === expected.groups &&
        state.processed === state.entities &&
        state.stitched === state.entities &&
        state.queued === 0
      )
        return { seconds: (performance.now() - started) / 1000, state };
      if (performance.now() - lastLog > 15_000) {
        lastLog = performance.now();
        const s = state;
        console.log(
          s
            ? `  ${Math.round((lastLog - started) / 1000)} s: ${s.processed}/${s.entities} processed, ${s.stitched} stitched, ${s.queued} queued; API: ${s.components} components, ${s.groups} groups`
            : `  ${Math.round((lastLog - started) / 1000)} s: catalog tables not there yet`,
        );
      }
      await sleep(500);
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
  throw new Error(
    `Backstage's ingestion was not complete within ${timeoutMs / 1000} s (${JSON.stringify(state)}):\n${tail(peer.log())}`,
  );
}

export async function stopBackstage(peer: Peer, graceMs = 10_000): Promise<void> {
  if (peer.child.exitCode !== null || peer.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => peer.child.once("exit", () => resolve()));
  process.kill(peer.pid, "SIGTERM");
  if ((await Promise.race([exited, sleep(graceMs).then(() => "timeout" as const)])) === "timeout") {
    process.kill(peer.pid, "SIGKILL");
    await exited;
  }
}
