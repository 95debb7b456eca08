import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { databaseUrl, dataDir } from "@/lib/config/env";
import { acquireDataDirLock } from "./data-dir-lock";
import { PGLITE_EXTENSIONS } from "./pglite-extensions";
import * as schema from "./schema";
import { preparingEveryStatement } from "./server-prepared";

export type Schema = typeof schema;
/** The one database type the app codes against: PGlite and postgres.js both satisfy it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or a transaction: read helpers accept both. */
export type Queryable = Db | Tx;

type Handle = {
  db: Db;
  kind: "pglite" | "postgres";
  poolMax: number;
  /** The server URL (PostgreSQL only), for work that needs a connection of its own. */
  url?: string;
  close: () => Promise<void>;
};

const globalKey = Symbol.for("pharos.db");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Handle };

export const POOL_MAX = Number(process.env.PHAROS_DB_POOL_MAX ?? 10);

export function openPostgres(url: string, max = POOL_MAX): Handle {
  const client = postgres(url, {
    max,
    // Fail fast while the server is away, and reconnect by itself when it returns.
    connect_timeout: 5,
    idle_timeout: 60,
    onnotice: () => {},
  });
  return {
    db: drizzlePostgres(preparingEveryStatement(client), { schema }) as unknown as Db,
    kind: "postgres",
    poolMax: max,
    url,
    close: () => client.end({ timeout: 5 }),
  };
}

export function openPglite(folder: string | undefined): Handle {
  let release = () => {};
  if (folder) {
    fs.mkdirSync(folder, { recursive: true });
    release = acquireDataDirLock(folder);
  }
  const client = new PGlite(folder, { extensions: PGLITE_EXTENSIONS });
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: "pglite",
    poolMax: 1,
    close: async () => {
      await client.close();
      release();
    },
  };
}

/** The process-wide database, opened on first use from DATABASE_URL or the embedded data folder. */
export function getHandle(): Handle {
  const g = globalThis as GlobalWithDb;
  if (!g[globalKey]) {
    const url = databaseUrl();
    g[globalKey] = url ? openPostgres(url) : openPglite(path.join(dataDir(), "pglite"));
  }
  return g[globalKey];
}

export function getDb(): Db {
  return getHandle().db;
}

/** Lets tests and the CLI point the app at a database they opened themselves. */
export function setHandle(handle: Handle | undefined) {
  (globalThis as GlobalWithDb)[globalKey] = handle;
}

export async function closeDb() {
  const g = globalThis as GlobalWithDb;
  const handle = g[globalKey];
  g[globalKey] = undefined;
  await handle?.close();
}

export type { Handle };
