import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import * as healthRoute from "@/app/api/health/route";
import * as metricsRoute from "@/app/api/metrics/route";
import { type Handle, openPostgres, setHandle } from "@/db/client";
import { withTestDatabase } from "@/tests/database";

const t = withTestDatabase();

describe("GET /api/health and /api/metrics", () => {
  it("reports the database as up", async () => {
    const response = await healthRoute.GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: "ok",
      database: { ok: true, driver: t.handle.kind },
    });
  });

  it("serves Prometheus text with the database gauges", async () => {
    const response = await metricsRoute.GET(new Request("http://localhost/api/metrics"));
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^pharos_db_up 1$/m);
    expect(text).toMatch(/^pharos_db_pool_max_connections\{driver="(pglite|postgres)"\} \d+$/m);
    expect(text).toContain("# TYPE pharos_db_ping_seconds gauge");
  });
});

/**
 * A TCP relay in front of the real PostgreSQL server that the test can cut and restore,
 * to watch Pharos fail over to 503 and recover by itself, without a restart.
 */
function relay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const port = 20000 + Math.floor(Math.random() * 20000);
  const start = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => resolve());
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server?.close(() => resolve());
    });
  return { port, start, stop };
}

describe.runIf(process.env.TEST_DATABASE_URL)(
  "database outage (PostgreSQL only: PGlite is in-process)",
  () => {
    let viaRelay: Handle | undefined;
    afterAll(async () => {
      setHandle(t.handle);
      await viaRelay?.close();
    });

    it("answers 503 while the database is away and 200 again once it is back", async () => {
      const target = new URL(t.url!);
      const proxy = relay(target);
      await proxy.start();
      const url = new URL(t.url!);
      url.port = String(proxy.port);
      viaRelay = openPostgres(url.toString(), 2);
      setHandle(viaRelay);
      expect((await healthRoute.GET()).status).toBe(200);

      await proxy.stop();
      const down = await healthRoute.GET();
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: "unavailable", database: { ok: false } });

      await proxy.start();
      let status = 0;
      for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
        status = (await healthRoute.GET()).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 250));
      }
      expect(status).toBe(200);
    });
  },
);
