import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Unit tests (`*.test.ts`, no I/O) and integration tests (`*.int.test.ts`, a fresh
 * database per file: PGlite by default, PostgreSQL when TEST_DATABASE_URL is set).
 */
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The real package throws outside React Server Components; tests call the same code directly.
      "server-only": path.resolve(import.meta.dirname, "tests/server-only-stub.ts"),
    },
  },
  test: {
    environment: "node",
    include: [
      "lib/**/*.test.ts",
      "db/**/*.test.ts",
      "scripts/**/*.test.ts",
      "app/**/*.test.ts",
      // Components render to static markup (react-dom/server) in the same node environment.
      "components/**/*.test.tsx",
      "tests/**/*.test.ts",
    ],
    globalSetup: ["tests/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest leaves one core idle by default; the integration files wait on their database
    // as much as on the CPU, so every core runs a file (measured: 4.8 → 3.7 min on 2 cores).
    maxWorkers: Math.max(2, os.availableParallelism()),
    // next-auth imports "next/server" without an extension; let Vite resolve it.
    server: { deps: { inline: ["next-auth"] } },
    reporters: ["default", ["json", { outputFile: process.env.VITEST_JSON ?? "test-results/vitest.json" }]],
  },
});
