import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as serviceRoute from "@/app/api/v1/services/[slug]/route";
import * as facetsRoute from "@/app/api/v1/services/facets/route";
import * as servicesRoute from "@/app/api/v1/services/route";
import { seedDemo } from "@/db/seed/demo";
import { addTeamMember } from "@/lib/admin/team-commands";
import { acceptsGzip, fastRead, serveFast } from "@/lib/api/fast-lane";
import { cliActor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/command/execute";
import { withTestDatabase } from "../database";
import { call, params, tokenFor } from "./helpers";

/*
 * The fast lane answers some reads outside Next. These tests hold it to the route files:
 * for the same request, the same status, body and headers that matter.
 */

const t = withTestDatabase();
let server: http.Server;
let base: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  await seedDemo(t.db);
  const engineer = await tokenFor(t.db, "engineer", ["read", "write"]);
  await executeCommand(addTeamMember, cliActor, { team: "payments", email: engineer.user.email });
  tokens.engineer = engineer.token;
  tokens.viewer = (await tokenFor(t.db, "viewer", ["read"])).token;
  // Shaped like a token, but never issued.
  tokens.forged = "pharos_forged-token-that-was-never-issued";
  server = http.createServer((req, res) => {
    if (!serveFast(req, res)) res.writeHead(418).end("not in the fast lane");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function viaRoute(url: string, token?: string): Promise<Response> {
  const path = url.split("?")[0];
  const request = call(url, { token });
  if (path === "/api/v1/services") return servicesRoute.GET(request);
  if (path === "/api/v1/services/facets") return facetsRoute.GET(request);
  const slug = decodeURIComponent(path.split("/").at(-1)!);
  return serviceRoute.GET(request, params({ slug }));
}

async function viaLane(url: string, token?: string): Promise<Response> {
  return fetch(`${base}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

const CASES: [string, string | undefined][] = [
  ["/api/v1/services", "viewer"],
  ["/api/v1/services?tier=tier0&pageSize=5&page=2&sort=level", "viewer"],
  ["/api/v1/services?q=pay&facets=true", "viewer"],
  ["/api/v1/services?mine=true", "engineer"],
  ["/api/v1/services/facets?facet=tier,team&lifecycle=production", "viewer"],
  ["/api/v1/services/facets?mine=1", "engineer"],
  ["/api/v1/services/facets?facet=colour", "viewer"],
  ["/api/v1/services/payments-api", "viewer"],
  ["/api/v1/services/no-such-service", "viewer"],
  ["/api/v1/services/payments-api", undefined],
  ["/api/v1/services/payments-api", "forged"],
  ["/api/v1/services?tier=tier1", "forged"],
  ["/api/v1/services/facets", "forged"],
];

describe("the fast lane", () => {
  it.each(CASES)("answers GET %s (%s) exactly as the route does", async (url, who) => {
    const token = who ? tokens[who] : undefined;
    const [route, lane] = await Promise.all([viaRoute(url, token), viaLane(url, token)]);
    expect(lane.status).toBe(route.status);
    expect(lane.headers.get("content-type")).toBe(route.headers.get("content-type"));
    expect(lane.headers.get("www-authenticate")).toBe(route.headers.get("www-authenticate"));
    expect(await lane.json()).toEqual(await route.json());
  });

  it("checks the caller before saying whether a service exists", async () => {
    const unknown = await viaLane("/api/v1/services/no-such-service");
    expect(unknown.status).toBe(401);
    const forged = await viaLane("/api/v1/services/no-such-service", tokens.forged);
    expect(forged.status).toBe(401);
    expect(forged.headers.get("www-authenticate")).toBe('Bearer realm="pharos"');
  });

  it("leaves every other request to Next", async () => {
    for (const [method, url] of [
      ["POST", "/api/v1/services"],
      ["PATCH", "/api/v1/services/payments-api"],
      ["HEAD", "/api/v1/services"],
      ["GET", "/api/v1/services/"],
      ["GET", "/api/v1/services/payments-api/catalog-info.yaml"],
      ["GET", "/api/v1/services/payments-api/dependencies/ledger"],
      ["GET", "/api/v1/services/%E0%A4%A"],
      ["GET", "/api/v1/servicesx"],
      ["GET", "/api/v1/teams"],
      ["GET", "/services/payments-api"],
    ] as const) {
      expect(fastRead(method, url), `${method} ${url}`).toBeNull();
    }
    const passed = await fetch(`${base}/api/v1/teams`);
    expect(passed.status).toBe(418);
  });

  it("decodes an escaped slug", async () => {
    const lane = await viaLane("/api/v1/services/payments%2Dapi", tokens.viewer);
    expect(lane.status).toBe(200);
    expect((await lane.json()).slug).toBe("payments-api");
  });

  it("compresses what is worth compressing when the client accepts gzip", async () => {
    const raw = (path: string, encoding?: string) =>
      new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        const headers: Record<string, string> = { authorization: `Bearer ${tokens.viewer}` };
        if (encoding) headers["accept-encoding"] = encoding;
        http
          .get(`${base}${path}`, { headers }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          })
          .on("error", reject);
      });
    const plain = await raw("/api/v1/services?pageSize=50");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const zipped = await raw("/api/v1/services?pageSize=50", "br, gzip;q=0.8");
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toBe("accept-encoding");
    expect(Number(zipped.headers["content-length"])).toBe(zipped.body.length);
    expect(zipped.body.length).toBeLessThan(plain.body.length);
    expect(JSON.parse(zlib.gunzipSync(zipped.body).toString())).toEqual(JSON.parse(plain.body.toString()));
    // Refused, or too small to bother: sent as is.
    expect(
      (await raw("/api/v1/services?pageSize=50", "gzip;q=0")).headers["content-encoding"],
    ).toBeUndefined();
    expect((await raw("/api/v1/services/nope", "gzip")).headers["content-encoding"]).toBeUndefined();
  });
});

describe("acceptsGzip", () => {
  it.each([
    [undefined, false],
    ["", false],
    ["gzip", true],
    ["GZIP", true],
    ["gzip, deflate, br", true],
    ["br;q=1.0, gzip;q=0.5", true],
    ["gzip;q=0", false],
    ["gzip; q=0.0", false],
    ["deflate", false],
    ["*", true],
    ["*;q=0", false],
    ["gzip;q=0, *", false],
    ["x-gzip", false],
  ])("%s → %s", (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
