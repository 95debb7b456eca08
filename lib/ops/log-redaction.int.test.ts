import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import pino from "pino";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { users } from "@/db/schema";
import { defineCommand } from "@/lib/command/define";
import { executeCommand } from "@/lib/command/execute";
import { defineQuery } from "@/lib/query/define";
import { runQuery } from "@/lib/query/run";
import { makeUser } from "@/tests/actors";
import { withTestDatabase } from "@/tests/database";
import { logOptions, routeConsole, safePath } from "./log-redaction.mjs";

/*
 * Plants secrets in real failure paths — a failed statement, a failing command, a request
 * with a bearer token and a token in its query string, and what Next prints with
 * console.error — and greps everything that was logged for them.
 */

const lines = vi.hoisted(() => [] as string[]);

vi.mock("@/lib/ops/logger", async (importActual) => {
  const actual = await importActual<typeof import("./logger")>();
  return { ...actual, logger: actual.createLogger({ write: (line: string) => lines.push(line) }, "info") };
});

const db = withTestDatabase();
const PASSWORD = "canary-Password-7f3a";
const HASH = "$2b$11$CANARYhashCANARYhashCAeuQ7nmu9TLFtvWF0Wq5mGJ8zBv5pPxK";
const BEARER = "pharos_canaryBearerToken9d1e";
const QUERY_TOKEN = "canary-query-token-52c0";
const COOKIE = "canary-session-cookie-e8b4";
const CANARIES = [PASSWORD, HASH, BEARER, QUERY_TOKEN, COOKIE, "canaryhash"];

function leaked(text: string): string[] {
  return CANARIES.filter((canary) => text.toLowerCase().includes(canary.toLowerCase()));
}

let admin: Awaited<ReturnType<typeof makeUser>>["actor"];

beforeAll(async () => {
  admin = (await makeUser(db.db, "admin")).actor;
});

afterEach(() => {
  lines.length = 0;
});

describe("logs never contain secrets", () => {
  it("a command failing inside a statement logs neither its password input nor the statement's values", async () => {
    // A NOT NULL violation: drizzle's error message lists every parameter, and PostgreSQL's
    // detail repeats the whole row ("Failing row contains (…, $2b$11$…)").
    const failing = defineCommand({
      name: "test.failing-insert",
      permission: "user.manage",
      input: z.object({ email: z.string(), password: z.string() }),
      async run({ tx }, input) {
        await tx.insert(users).values({
          email: input.email,
          name: null as unknown as string,
          passwordHash: `${HASH}:${input.password}`,
        });
      },
    });
    const result = await executeCommand(failing, admin, { email: "leak@test.example", password: PASSWORD });
    expect(result).toMatchObject({ ok: false, code: "internal" });
    const logged = lines.join("\n");
    expect(logged).toContain("command failed");
    // What an operator needs stays: the command, the SQLSTATE and the column.
    expect(logged).toContain("test.failing-insert");
    expect(logged).toContain("23502");
    expect(leaked(logged)).toEqual([]);
  });

  it("a failed read logs neither the statement nor its parameters", async () => {
    const failing = defineQuery({
      name: "test.failing-read",
      permission: "catalog.read",
      input: z.object({}),
      // A statement that is wrong, not its input (42P01): unexpected, so logged.
      run: ({ db }) => db.execute(sql`select ${PASSWORD}::text as p from no_such_table`),
    });
    const result = await runQuery(failing, admin, {});
    expect(result).toMatchObject({ ok: false, code: "internal" });
    const logged = lines.join("\n");
    expect(logged).toContain("query failed");
    expect(logged).toContain("42P01");
    expect(leaked(logged)).toEqual([]);
  });

  it("a request logs its path only: no query string, no Authorization, no cookie", async () => {
    const captured: string[] = [];
    const log = pino(logOptions({ level: "info" }), { write: (line: string) => captured.push(line) });
    // The same request line as scripts/server.mjs, and the mistakes code could make later:
    // logging the URL, the headers or an error that quotes them.
    const server = http.createServer((req, res) => {
      res.on("finish", () => {
        log.info({ method: req.method, path: safePath(req.url), status: res.statusCode }, "request");
      });
      log.warn({ url: safePath(req.url), headers: req.headers, req }, `refused ${req.url}`);
      log.error(
        { err: new Error(`cannot serve ${req.url} with ${req.headers.authorization}`) },
        "unhandled request error",
      );
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/me?token=${QUERY_TOKEN}&x=1`, {
        headers: { authorization: `Bearer ${BEARER}`, cookie: `authjs.session-token=${COOKIE}` },
      });
      expect(response.status).toBe(500);
      await vi.waitFor(() => expect(captured.join("\n")).toContain('"msg":"request"'));
    } finally {
      server.close();
    }
    const logged = captured.join("\n");
    expect(logged).toContain('"path":"/api/v1/me"');
    expect(leaked(logged)).toEqual([]);
  });

  it("what Next prints with console.error about a failed statement is redacted, values PostgreSQL quotes back too", async () => {
    const captured: string[] = [];
    const log = pino(logOptions({ level: "info" }), { write: (line: string) => captured.push(line) });
    const original = { error: console.error, warn: console.warn };
    const failure = await db.db.execute(sql`select ${PASSWORD}::int as n`).catch((error: unknown) => error);
    routeConsole(log);
    try {
      console.error(failure);
      console.error("⨯ render failed", { digest: "123", password: PASSWORD }, failure);
    } finally {
      Object.assign(console, original);
    }
    const logged = captured.join("\n");
    expect(captured).toHaveLength(2);
    expect(logged).toContain("22P02");
    expect(leaked(logged)).toEqual([]);
  });
});
