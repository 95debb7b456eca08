import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import postgres from "postgres";
import type { Db } from "@/db/client";
import { openPostgres } from "@/db/client";
import { MIGRATIONS_FOLDER, runMigrations } from "@/db/migrate";
import { PGLITE_EXTENSIONS } from "@/db/pglite-extensions";
import * as schema from "@/db/schema";
import { assertLocalUrl, TEMPLATE_ENV, withDatabase } from "@/db/testing";

/** Migrates one template database per run; every test file then starts from a copy. */
export default async function setup() {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    assertLocalUrl(serverUrl);
    const name = `pharos_tmpl_${randomBytes(6).toString("hex")}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const handle = openPostgres(withDatabase(serverUrl, name), 1);
    await runMigrations(handle);
    await handle.close();
    process.env[TEMPLATE_ENV] = name;
    return async () => {
      try {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
      } catch (error) {
        console.error(`could not drop the test template ${name}:`, error);
      }
      await admin.end();
    };
  }
  const client = new PGlite({ extensions: PGLITE_EXTENSIONS });
  await runMigrations(
    {
      db: drizzle(client, { schema }) as unknown as Db,
      kind: "pglite",
      poolMax: 1,
      close: () => client.close(),
    },
    MIGRATIONS_FOLDER,
  );
  const dump = await client.dumpDataDir("none");
  await client.close();
  const file = path.join(os.tmpdir(), `pharos-template-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env[TEMPLATE_ENV] = file;
  return () => fs.rmSync(file, { force: true });
}
