import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { withTestDatabase } from "@/tests/database";

const run = promisify(execFile);
const t = withTestDatabase();

/**
 * Runs the real CLI in a child process: against a fresh PGlite folder by default, or
 * against this file's fresh PostgreSQL database when TEST_DATABASE_URL is set.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pharos-cli-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, PHAROS_DATA_DIR: dataDir, LOG_LEVEL: "silent" };
  delete env.DATABASE_URL;
  if (t.url) env.DATABASE_URL = t.url;
  try {
    const { stdout, stderr } = await run("node_modules/.bin/tsx", ["scripts/pharos.ts", ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Each call starts a fresh tsx process (and five of them a PGlite), ≈5–10 s each on a busy
// 2-core machine: these tests get room for that, not a speed requirement.
describe("npm run pharos", { timeout: 120_000 }, () => {
  it("migrates (twice, harmlessly) and seeds the demo organisation once", async () => {
    expect((await cli("migrate")).stdout).toContain("Migrations applied.");
    expect((await cli("migrate")).code).toBe(0);
    expect((await cli("seed", "--demo")).stdout).toMatch(
      /Demo organisation created: 7 teams, \d+ users, 4\d services/,
    );
    expect((await cli("seed", "--demo")).stdout).toContain("already present; nothing changed");
    expect((await cli("seed")).code).toBe(2);
  });

  it("creates a user and prints a token as its last line", async () => {
    const created = await cli(
      "user",
      "create",
      "--email",
      "ops@example.com",
      "--name",
      "Ops Person",
      "--role",
      "admin",
      "--team",
      "platform",
      "--password",
      "ops-password-1",
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toContain("Created ops@example.com (admin).");
    const token = await cli(
      "token",
      "create",
      "--email",
      "ops@example.com",
      "--name",
      "deploy",
      "--scopes",
      "read,write",
      "--expires",
      "30d",
    );
    expect(token.code).toBe(0);
    const last = token.stdout.trim().split("\n").at(-1)!;
    expect(last).toMatch(/^pharos_[A-Za-z0-9_-]{43}$/);
  });

  it("accepts per-resource scopes and refuses one beyond the owner's role", async () => {
    const ci = await cli(
      "token",
      "create",
      "--email",
      "engineer@pharos.demo",
      "--name",
      "ci-slo",
      "--scopes",
      "catalog:read,slo:measurements",
    );
    expect(ci.code).toBe(0);
    expect(ci.stderr).toContain("scopes catalog:read,slo:measurements");
    const beyond = await cli(
      "token",
      "create",
      "--email",
      "viewer@pharos.demo",
      "--name",
      "x",
      "--scopes",
      "write",
    );
    expect(beyond.code).toBe(2);
    expect(beyond.stderr).toMatch(/\(Viewer\) cannot use write\./);
    const unknown = await cli(
      "token",
      "create",
      "--email",
      "viewer@pharos.demo",
      "--name",
      "x",
      "--scopes",
      "root",
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown scope "root"');
  });

  it("imports OpenSLO: a dry run lists what it would create, a bad file writes nothing, a good one creates", async () => {
    const file = (name: string, text: string) => {
      const at = path.join(dataDir, name);
      fs.writeFileSync(at, text);
      return at;
    };
    const source = fs
      .readFileSync("lib/slo/openslo/fixtures/several-objectives.yaml", "utf8")
      .replace("service: foo", "service: ledger");
    const good = file("slos.yaml", source);
    const dry = await cli("import", "openslo", good, "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("would-create documents[0] SLO foo-errors");
    expect(dry.stdout).toContain("ledger: foo-errors — Bar Total Errors");
    expect(dry.stdout).toContain("Dry run: 2 SLOs would be created; nothing was written.");
    const bad = await cli(
      "import",
      "openslo",
      file("bad.yaml", source.replace("duration: 1Q", "duration: 2d")),
    );
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(
      "error: documents[0].spec.timeWindow[0].duration: 2d is not a Pharos window",
    );
    expect(bad.stderr).toContain("nothing was imported");
    const real = await cli("import", "openslo", good);
    expect(real.code).toBe(0);
    expect(real.stdout).toContain("Created 2 SLOs.");
  });

  it("reports bad input with a usage error and exit code 2", async () => {
    const bad = await cli("user", "create", "--email", "nope", "--name", "", "--role", "boss");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--email: Enter a valid email address.");
    expect(bad.stderr).toContain("--role: Role must be one of viewer, engineer, change_manager, admin.");
    const unknown = await cli("token", "create", "--email", "ghost@example.com", "--name", "x");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No user with email ghost@example.com.");
    expect((await cli("frobnicate")).code).toBe(2);
  });

  it.runIf(!process.env.TEST_DATABASE_URL)(
    "refuses an embedded database folder that a running server holds",
    async () => {
      const folder = path.join(dataDir, "pglite");
      fs.writeFileSync(path.join(folder, "pharos.lock"), String(process.pid));
      try {
        const refused = await cli("migrate");
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain(`in use by process ${process.pid}`);
      } finally {
        fs.rmSync(path.join(folder, "pharos.lock"));
      }
    },
  );
});
