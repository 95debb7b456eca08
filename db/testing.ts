import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import postgres from "postgres";
import type { Db } from "./client";
import { type Handle, openPostgres } from "./client";
import { PGLITE_EXTENSIONS } from "./pglite-extensions";
import * as schema from "./schema";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** Tests create and drop databases: never let them near anything but this machine. */
export function assertLocalUrl(url: string): URL {
  const parsed = new URL(url);
  if (!LOCAL_HOSTS.has(parsed.hostname)) {
    throw new Error(`Refusing to run tests against non-local database host "${parsed.hostname}".`);
  }
  return parsed;
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export const TEMPLATE_ENV = "PHAROS_TEST_TEMPLATE";

/**
 * A fresh, migrated database for one test file. On PostgreSQL it is a copy of the
 * template the global setup migrated; on PGlite a load of the migrated data-dir dump.
 */
export async function createTestDatabase(): Promise<{
  handle: Handle;
  url?: string;
  drop: () => Promise<void>;
}> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) throw new Error("tests/global-setup.ts did not run");
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    assertLocalUrl(serverUrl);
    const name = `pharos_test_${randomBytes(6).toString("hex")}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${template}`);
    const url = withDatabase(serverUrl, name);
    const handle = openPostgres(url, 5);
    return {
      handle,
      url,
      drop: async () => {
        await handle.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const client = new PGlite({
    loadDataDir: new Blob([fs.readFileSync(template)]),
    extensions: PGLITE_EXTENSIONS,
  });
  const handle: Handle = {
    db: drizzle(client, { schema }) as unknown as Db,
    kind: "pglite",
    poolMax: 1,
    close: () => client.close(),
  };
  return { handle, drop: () => handle.close() };
}
