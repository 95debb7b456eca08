import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { Handle } from "./client";

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db/migrations");

/**
 * Applies the committed migrations; safe to run on every start. On PostgreSQL an
 * advisory lock makes concurrent starts of several nodes wait for one another.
 */
export async function runMigrations(handle: Handle, migrationsFolder = MIGRATIONS_FOLDER) {
  if (handle.kind === "pglite") {
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants its own driver's type
    await migratePglite(handle.db as any, { migrationsFolder });
    return;
  }
  // One connection of its own, so the session-level lock and the migration share it.
  const client = postgres(handle.url!, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await client`select pg_advisory_lock(hashtext('pharos:migrate'))`;
    await migratePostgres(drizzle(client), { migrationsFolder });
  } finally {
    await client.end({ timeout: 5 });
  }
}
