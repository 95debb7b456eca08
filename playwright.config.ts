import { defineConfig, devices } from "@playwright/test";

// Overridable so that a second run can share the machine: with PHAROS_DIST_DIR (which the
// app's server inherits) it serves another build on another port from another data folder,
// writing its results (and screenshots) to another folder.
const APP_PORT = Number(process.env.E2E_PORT ?? 3100);
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 3999);
const DATA_DIR = process.env.E2E_DATA_DIR ?? ".data-e2e";
const RESULTS = process.env.E2E_RESULTS_DIR ?? "test-results";
export const APP_URL = `http://localhost:${APP_PORT}`;

/**
 * End-to-end journeys against the production build (`next build` first) in Debian's
 * Chromium. One worker: the app runs on embedded PGlite, which is single-process.
 */
export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: `${RESULTS}/e2e`,
  reporter: [["list"], ["json", { outputFile: `${RESULTS}/e2e-report.json` }]],
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
    contextOptions: { reducedMotion: "reduce" },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      command: "node e2e/support/oidc-provider.mjs",
      url: `http://localhost:${OIDC_PORT}/.well-known/openid-configuration`,
      env: { OIDC_PORT: String(OIDC_PORT), APP_URL },
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      command: "bash e2e/support/start-app.sh",
      url: `${APP_URL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        PORT: String(APP_PORT),
        PHAROS_DATA_DIR: DATA_DIR,
        AUTH_SECRET: "e2e-only-secret-not-for-production-000000",
        AUTH_URL: APP_URL,
        LOG_LEVEL: "warn",
        // Catalog locations may read from the local file server e2e/catalog-locations.spec.ts starts.
        PHAROS_LOCATIONS_ALLOW_LOOPBACK: "true",
        OIDC_ISSUER: `http://localhost:${OIDC_PORT}`,
        OIDC_CLIENT_ID: "pharos-e2e",
        OIDC_CLIENT_SECRET: "pharos-e2e-secret",
        OIDC_DISPLAY_NAME: "Acme SSO",
        OIDC_ROLE_MAPPING: "pharos-admins=admin,pharos-cab=change_manager,pharos-engineers=engineer",
      },
    },
  ],
});
