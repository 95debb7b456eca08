import { randomBytes } from "node:crypto";
import postgres from "postgres";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

export type BenchDatabase = {
  name: string;
  url: string;
  serverVersion: string;
  autovacuum: boolean;
  drop: () => Promise<void>;
};

/** The benchmark creates and drops databases: only ever on this machine. */
export function assertLocal(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`BENCH_DATABASE_URL is not a URL: ${url}`);
  }
  if (!parsed.protocol.startsWith("postgres")) throw new Error("BENCH_DATABASE_URL must be postgres://…");
  if (!LOCAL_HOSTS.has(parsed.hostname)) {
    throw new Error(`Refusing to benchmark against ${parsed.hostname}: use a local PostgreSQL (127.0.0.1).`);
  }
  return parsed;
}

/** Creates `<prefix><random>` next to the admin database and returns its URL. */
export async function createBenchDatabase(
  adminUrl: string,
  prefix = "pharos_bench_",
): Promise<BenchDatabase> {
  const admin = assertLocal(adminUrl);
  const name = `${prefix}${randomBytes(4).toString("hex")}`;
  const sql = postgres(adminUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    const [{ server_version }] = await sql<{ server_version: string }[]>`show server_version`;
    const [{ autovacuum }] = await sql<{ autovacuum: string }[]>`show autovacuum`;
    await sql.unsafe(`create database "${name}"`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return {
      name,
      url: url.toString(),
      serverVersion: server_version,
      autovacuum: autovacuum === "on",
      drop: async () => {
        const dropper = postgres(adminUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
        try {
          // FORCE: a connection the server left behind must not keep the database alive.
          await dropper.unsafe(`drop database if exists "${name}" with (force)`);
        } finally {
          await dropper.end({ timeout: 5 });
        }
      },
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Collects planner statistics (and, with `vacuum`, sets the visibility map), as autovacuum
 * would a minute or so after a bulk load; every table of the database, whatever its schema.
 */
export async function analyze(url: string, options: { vacuum?: boolean } = {}): Promise<number> {
  assertLocal(url);
  const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    const started = performance.now();
    if (options.vacuum) await sql`vacuum (analyze)`;
    else await sql`analyze`;
    return (performance.now() - started) / 1000;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
