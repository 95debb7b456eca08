import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { APPLIED_BY_SERVER } from "@/lib/http/security-headers.mjs";
import { config, proxy } from "@/proxy";

const SIGNED_IN = { cookie: "authjs.session-token=x" };
const global = globalThis as { [APPLIED_BY_SERVER]?: boolean };

function request(path: string, headers: Record<string, string> = {}) {
  return new NextRequest(new URL(path, "http://localhost:3000"), { headers });
}

/** What Next hands the page: the proxy's request-header overrides. */
function forwarded(response: Response, name: string) {
  return response.headers.get(`x-middleware-request-${name}`);
}

afterEach(() => {
  delete global[APPLIED_BY_SERVER];
});

describe("proxy under next dev / next start", () => {
  it("gives a page its headers and hands the same nonce to the render", () => {
    const response = proxy(request("/services", { ...SIGNED_IN, "x-nonce": "forged" }));
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = getScriptNonceFromHeader(csp);
    expect(nonce).toBeTruthy();
    expect(forwarded(response, "x-nonce")).toBe(nonce);
    expect(forwarded(response, "content-security-policy")).toBe(csp);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("sets the headers on the sign-in page and on the redirect to it", () => {
    const login = proxy(request("/login"));
    expect(login.headers.get("location")).toBeNull();
    expect(login.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const redirect = proxy(request("/services?tier=tier0"));
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get("location")).toBe(
      "http://localhost:3000/login?callbackUrl=%2Fservices%3Ftier%3Dtier0",
    );
    expect(redirect.headers.get("x-frame-options")).toBe("DENY");
  });

  it("lets the API, health and metrics through without a session", () => {
    for (const path of ["/api/health", "/api/metrics", "/api/auth/session"]) {
      const response = proxy(request(path));
      expect(response.headers.get("location")).toBeNull();
      expect(response.headers.get("content-security-policy")).toBeTruthy();
    }
  });

  it("sends HSTS only when AUTH_URL says browsers use HTTPS, whatever X-Forwarded-Proto claims", async () => {
    const spoofed = proxy(request("/login", { "x-forwarded-proto": "https" }));
    expect(spoofed.headers.get("strict-transport-security")).toBeNull();
    vi.stubEnv("AUTH_URL", "https://pharos.example.com");
    vi.resetModules();
    try {
      const fresh = await import("@/proxy");
      expect(fresh.proxy(request("/login")).headers.get("strict-transport-security")).toBe(
        "max-age=63072000; includeSubDomains",
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("leaves the exchange alone when the production server has set the headers already", () => {
    global[APPLIED_BY_SERVER] = true;
    const response = proxy(request("/services", SIGNED_IN));
    expect(response.headers.get("content-security-policy")).toBeNull();
    expect(forwarded(response, "x-nonce")).toBeNull();
    expect(proxy(request("/services")).headers.get("location")).toContain("/login");
  });
});

describe("the proxy's matcher", () => {
  const [entry] = config.matcher;
  const matcher = new RegExp(`^${entry.source}$`);

  it("skips server actions, whose bodies it would cut at 10 MB", () => {
    expect(entry.missing).toEqual([{ type: "header", key: "next-action" }]);
  });

  it.each([
    ["/", true],
    ["/services/payments-api", true],
    ["/login", true],
    ["/invite/abc", true],
    ["/api/health", true],
    ["/api/v1/services", false],
    ["/_next/static/chunks/a.js", false],
    ["/favicon.svg", false],
  ])("%s → %s", (path, matched) => {
    expect(matcher.test(path)).toBe(matched);
  });
});
