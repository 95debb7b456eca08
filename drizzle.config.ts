import { defineConfig } from "drizzle-kit";

// Migrations are generated from the schema and committed; they are applied by
// lib/db/migrate.ts at start-up and by `npm run pharos -- migrate`, never by drizzle-kit push.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
