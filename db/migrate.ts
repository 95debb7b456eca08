import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
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
  const reserved = await handle.postgres!.reserve();
  try {
    await reserved`select pg_advisory_lock(hashtext('pharos:migrate'))`;
    try {
      await migratePostgres(drizzle(reserved), { migrationsFolder });
    } finally {
      await reserved`select pg_advisory_unlock(hashtext('pharos:migrate'))`;
    }
  } finally {
    reserved.release();
  }
}
