import { gunzipSync } from "node:zlib";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { seedDemo } from "@/db/seed/demo";
import { readRoute } from "@/lib/api/define-route";
import { buildApi, routeLabel } from "@/lib/api/router";
import { ROUTES } from "@/lib/api/routes";
import { listServicesRead } from "@/lib/catalog/api-reads";
import { MAX_IMPORT_BYTES } from "@/lib/catalog/import/apply";
import { defineQuery } from "@/lib/query/define";
import { withTestDatabase } from "../database";
import { call, send, tokenFor } from "./helpers";

const t = withTestDatabase();
let reader: string;
let writer: string;

beforeAll(async () => {
  await seedDemo(t.db, new Date(), { sloHistoryDays: 1 });
  reader = (await tokenFor(t.db, "viewer", ["read"])).token;
  writer = (await tokenFor(t.db, "admin", ["admin"])).token;
});

afterEach(() => vi.restoreAllMocks());

/** A body that counts how much of it was pulled, to prove nothing was read. */
function countingBody(totalBytes: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => sent };
}

describe("the router", () => {
  it("answers unknown routes with a JSON 404 and wrong methods with a JSON 405 naming what is allowed", async () => {
    const missing = await send("GET", call("/api/v1/nothing-here", { token: reader }));
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("not_found");
    const wrong = await send("DELETE", call("/api/v1/services", { token: reader }));
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET, POST");
    expect((await wrong.json()).error.code).toBe("method_not_allowed");
    const trailing = await send("GET", call("/api/v1/services/", { token: reader }));
    expect(trailing.status).toBe(404);
  });

  it("prefers a literal segment to a parameter whatever the declaration order", async () => {
    const q = (name: string) =>
      defineQuery({ name, permission: "catalog.read", input: z.object({}), run: async () => ({ name }) });
    const app = buildApi([
      readRoute({
        method: "get",
        path: "/things/{slug}",
        tag: "t",
        summary: "one",
        read: q("slug"),
        input: () => ({}),
        responses: {},
      }),
      readRoute({
        method: "get",
        path: "/things/search",
        tag: "t",
        summary: "search",
        read: q("search"),
        input: () => ({}),
        responses: {},
      }),
    ]);
    const response = await app.fetch(call("/api/v1/things/search", { token: reader }));
    expect(await response.json()).toEqual({ name: "search" });
  });

  it("refuses malformed percent-encoding and control characters in the path or query with a JSON 400", async () => {
    const malformed = await send(
      "GET",
      new Request("http://localhost/api/v1/services/%E0%A4%A", {
        headers: { authorization: `Bearer ${reader}` },
      }),
    );
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe("invalid");
    const nul = await send("GET", call("/api/v1/services?q=pay%00ments", { token: reader }));
    expect(nul.status).toBe(400);
    expect((await nul.json()).error.fields).toEqual({ q: "Contains a control character." });
    const inPath = await send("GET", call("/api/v1/services/led%01ger", { token: reader }));
    expect(inPath.status).toBe(400);
  });

  it("refuses unknown filter values and non-numeric paging instead of ignoring them", async () => {
    const tier = await send("GET", call("/api/v1/services?tier=tier9", { token: reader }));
    expect(tier.status).toBe(400);
    expect(Object.keys((await tier.json()).error.fields)).toEqual(["tier"]);
    const page = await send("GET", call("/api/v1/services?page=two", { token: reader }));
    expect(page.status).toBe(400);
    for (const from of ["0001-01-01", "+275760-09-13", "2026-02-31", "yesterday"]) {
      const audit = await send(
        "GET",
        call(`/api/v1/audit?from=${encodeURIComponent(from)}`, { token: writer }),
      );
      expect(audit.status, from).toBe(400);
      expect(Object.keys((await audit.json()).error.fields), from).toEqual(["from"]);
    }
    expect((await send("GET", call("/api/v1/audit?from=2026-01-01", { token: writer }))).status).toBe(200);
  });

  it("authenticates before reading the body: an anonymous 60 MB import is refused without reading it", async () => {
    const body = countingBody(60 * 1024 * 1024);
    const response = await send(
      "POST",
      new Request("http://localhost/api/v1/catalog/import", {
        method: "POST",
        body: body.stream,
        duplex: "half",
      } as RequestInit),
    );
    expect(response.status).toBe(401);
    // The stream may pre-pull a chunk or two; it is never read through.
    expect(body.pulled()).toBeLessThan(1024 * 1024);
  });

  it("stops reading a body at the route's limit with a 413, for an allowed caller too", async () => {
    const body = countingBody(MAX_IMPORT_BYTES + 5 * 1024 * 1024);
    const response = await send(
      "POST",
      new Request("http://localhost/api/v1/catalog/import", {
        method: "POST",
        headers: { authorization: `Bearer ${writer}` },
        body: body.stream,
        duplex: "half",
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("too_large");
    expect(body.pulled()).toBeLessThan(MAX_IMPORT_BYTES + 2 * 1024 * 1024);
    const declared = await send(
      "POST",
      new Request("http://localhost/api/v1/teams", {
        method: "POST",
        headers: { authorization: `Bearer ${writer}`, "content-length": String(10 * 1024 * 1024) },
        body: "{}",
      }),
    );
    expect(declared.status).toBe(413);
  });

  it("runs no query for a missing, forged or foreign token", async () => {
    const run = vi.spyOn(listServicesRead, "run");
    for (const authorization of [
      undefined,
      `Bearer pharos_${"A".repeat(43)}`,
      "Bearer not-ours",
      "Basic dXNlcjpwYXNz",
    ]) {
      const response = await send(
        "GET",
        new Request("http://localhost/api/v1/services", { headers: authorization ? { authorization } : {} }),
      );
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain("Bearer");
    }
    expect(run).not.toHaveBeenCalled();
    expect((await send("GET", call("/api/v1/services", { token: reader }))).status).toBe(200);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("wants a JSON object where a route takes one", async () => {
    for (const rawBody of ["[1,2]", '"text"', "null", "{not json"]) {
      const response = await send(
        "PATCH",
        call("/api/v1/services/ledger", { method: "PATCH", token: writer, rawBody }),
      );
      expect(response.status, rawBody).toBe(400);
      expect((await response.json()).error.message).toMatch(/JSON/);
    }
  });

  it("compresses larger answers for clients that accept gzip, and never lets a shared cache keep them", async () => {
    const request = new Request("http://localhost/api/v1/services?pageSize=50", {
      headers: { authorization: `Bearer ${reader}`, "accept-encoding": "gzip" },
    });
    const response = await send("GET", request);
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const packed = Buffer.from(await response.arrayBuffer());
    // The length sent is the gzipped body's, not the plain JSON's (a client would wait for more).
    expect(response.headers.get("content-length")).toBe(String(packed.byteLength));
    const body = JSON.parse(gunzipSync(packed).toString());
    expect(body.items).toHaveLength(Math.min(50, body.total));
  });

  it("sends a small answer as it is, with its length", async () => {
    const request = new Request("http://localhost/api/v1/services/ledger", {
      headers: { authorization: `Bearer ${reader}`, "accept-encoding": "gzip" },
    });
    const response = await send("GET", request);
    expect(response.headers.get("content-encoding")).toBeNull();
    const text = await response.text();
    expect(response.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
    expect(JSON.parse(text).slug).toBe("ledger");
  });

  it("streams the whole-catalog export, gzipped when the client accepts it", async () => {
    const response = await send(
      "GET",
      new Request("http://localhost/api/v1/catalog-info.yaml", {
        headers: { authorization: `Bearer ${reader}`, "accept-encoding": "gzip, deflate" },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(response.headers.get("content-type")).toContain("application/yaml");
    const yaml = gunzipSync(Buffer.from(await response.arrayBuffer())).toString();
    expect(yaml.match(/^kind: Component$/gm)?.length).toBe(44);
    expect(yaml).toMatch(/^kind: Group$/m);
  });

  it("labels requests for metrics by their route, never by the path as sent", () => {
    expect(routeLabel("GET", "/api/v1/services/ledger?facets=true")).toBe("/api/v1/services/{slug}");
    expect(routeLabel("GET", "/api/v1/services/facets")).toBe("/api/v1/services/facets");
    expect(routeLabel("DELETE", "/api/v1/tokens/1234")).toBe("/api/v1/tokens/{id}");
    const junk = new Set(Array.from({ length: 200 }, (_, i) => routeLabel("GET", `/api/v1/x${i}/%ZZ`)));
    expect([...junk]).toEqual(["/api/v1/:unmatched"]);
  });

  it("sets the security headers itself when no production server did (next dev, next start)", async () => {
    const response = await send("GET", call("/api/v1/me", { token: reader }));
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("documents exactly the routes it serves, and serves the reference page", async () => {
    const doc = await (await send("GET", call("/api/v1/openapi.json"))).json();
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops as object).map((method) => `${method} ${path}`),
    );
    expect(documented.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    for (const route of ROUTES) {
      const op = doc.paths[route.path][route.method];
      expect(op["x-pharos-permission"], `${route.method} ${route.path}`).toBe(route.permission);
    }
    const page = await send(
      "GET",
      new Request("http://localhost/api/docs", { headers: { "x-nonce": "abc123" } }),
    );
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('src="/api/docs/scalar.js" nonce="abc123"');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)(?![^>]*application\/json)[^>]*>/);
    const script = await send("GET", new Request("http://localhost/api/docs/scalar.js"));
    expect(script.headers.get("content-type")).toContain("javascript");
    expect((await script.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
  });
});
