import http from "node:http";
import type { AddressInfo } from "node:net";
import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  createNonce,
  HSTS,
  secureNodeExchange,
  securityHeaders,
  securitySettings,
} from "./security-headers.mjs";

function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp.split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe("the Content-Security-Policy", () => {
  it("allows scripts by nonce only, and Next finds that nonce", () => {
    const nonce = createNonce();
    const csp = contentSecurityPolicy({ nonce });
    const d = directives(csp);
    expect(d["script-src"]).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(d["script-src"]).not.toContain("'unsafe-inline'");
    expect(d["script-src"]).not.toContain("'unsafe-eval'");
    expect(getScriptNonceFromHeader(csp)).toBe(nonce);
  });

  it("forbids framing, plugins, base rewriting and forms to other origins", () => {
    const d = directives(contentSecurityPolicy({ nonce: "n" }));
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["base-uri"]).toEqual(["'self'"]);
    expect(d["form-action"]).toEqual(["'self'"]);
    expect(d["default-src"]).toEqual(["'self'"]);
    // A nonce in style-src would switch 'unsafe-inline' off for the style attributes React renders.
    expect(d["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("lets a sign-in form be redirected to the SSO provider, and only to it", () => {
    const settings = securitySettings({ OIDC_ISSUER: "https://sso.example.com/realms/acme" });
    const d = directives(contentSecurityPolicy({ nonce: "n", ...settings }));
    expect(d["form-action"]).toEqual(["'self'", "https://sso.example.com"]);
    expect(securitySettings({ OIDC_ISSUER: "not a url" }).formActionOrigins).toEqual([]);
    expect(securitySettings({}).formActionOrigins).toEqual([]);
  });

  it("relaxes eval and websockets for next dev only", () => {
    expect(securitySettings({ NODE_ENV: "production" }).dev).toBe(false);
    const d = directives(
      contentSecurityPolicy({ nonce: "n", ...securitySettings({ NODE_ENV: "development" }) }),
    );
    expect(d["script-src"]).toContain("'unsafe-eval'");
    expect(d["connect-src"]).toEqual(["'self'", "ws:", "wss:"]);
  });
});

describe("the header set", () => {
  it("has every header, and HSTS only over TLS", () => {
    const plain = securityHeaders({ nonce: "n", tls: false });
    expect(plain).toMatchObject({
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
      "x-frame-options": "DENY",
    });
    expect(plain).not.toHaveProperty("strict-transport-security");
    expect(securityHeaders({ nonce: "n", tls: true })["strict-transport-security"]).toBe(
      "max-age=63072000; includeSubDomains",
    );
    expect(HSTS).toBe("max-age=63072000; includeSubDomains");
  });

  it("makes a fresh 128-bit nonce every time", () => {
    // Past several refills of the random pool.
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("secureNodeExchange", () => {
  it("sets the headers on the response and hands its own nonce to the app, whatever the client sent", async () => {
    let seen: http.IncomingHttpHeaders = {};
    const server = http.createServer((req, res) => {
      secureNodeExchange(req, res, { settings: securitySettings({}), tls: false });
      seen = { ...req.headers };
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`, {
        headers: {
          "x-nonce": "chosen-by-the-client",
          "content-security-policy": "script-src 'nonce-chosen-by-the-client'",
          "content-security-policy-report-only": "script-src 'nonce-chosen-by-the-client'",
        },
      });
      const csp = response.headers.get("content-security-policy") ?? "";
      const nonce = getScriptNonceFromHeader(csp);
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(seen["x-nonce"]).toBe(nonce);
      expect(seen["content-security-policy"]).toBe(csp);
      expect(seen["content-security-policy-report-only"]).toBeUndefined();
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("strict-transport-security")).toBeNull();
    } finally {
      server.close();
    }
  });
});
