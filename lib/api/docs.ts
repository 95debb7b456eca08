import fs from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { contentSecurityPolicy, securitySettings } from "@/lib/http/security-headers.mjs";

/*
 * The interactive API reference (Scalar) at /api/docs, over the generated OpenAPI document.
 * Its script is served from our own origin (no CDN: these machines, and many networks
 * Pharos runs in, cannot reach one), with the request's CSP nonce on every script tag.
 */

const SCRIPT = path.join(process.cwd(), "node_modules/@scalar/api-reference/dist/browser/standalone.js");

let script: Promise<{ plain: Buffer; gzip: Buffer }> | null = null;

function loadScript() {
  script ??= fs.readFile(SCRIPT).then((plain) => ({ plain, gzip: gzipSync(plain) }));
  return script;
}

const escapeAttr = (s: string) => s.replace(/[^a-zA-Z0-9+/=_-]/g, "");

export function serveDocs(request: Request): Response {
  const nonce = escapeAttr(request.headers.get("x-nonce") ?? "");
  const n = nonce ? ` nonce="${nonce}"` : "";
  const config = JSON.stringify({
    url: "/api/v1/openapi.json",
    withDefaultFonts: false,
    // Nothing that calls Scalar's own services: they are off this network, and outside the CSP.
    agent: { disabled: true },
    showDeveloperTools: "never",
    authentication: { preferredSecurityScheme: "bearer" },
    metaData: { title: "Pharos API reference" },
  }).replace(/</g, "\\u003c");
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Pharos API reference</title>
  </head>
  <body>
    <div id="app"></div>
    <script src="/api/docs/scalar.js"${n}></script>
    <script id="pharos-api-config" type="application/json">${config}</script>
    <script src="/api/docs/scalar.js?init=1"${n}></script>
  </body>
</html>`;
  const headers: Record<string, string> = {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-cache",
  };
  // Scalar's bundle compiles its JSON Schema validators at run time (new Function), so this
  // page alone may evaluate code; it holds no data of its own and scripts still need the nonce.
  if (nonce) {
    const settings = securitySettings();
    headers["content-security-policy"] = contentSecurityPolicy({
      nonce,
      dev: settings.dev,
      formActionOrigins: settings.formActionOrigins,
    }).replace("script-src ", "script-src 'unsafe-eval' ");
  }
  return new Response(html, { headers });
}

/** Mounts the reference from the JSON config in the page, so no inline script is needed. */
const INIT = `Scalar.createApiReference('#app', JSON.parse(document.getElementById('pharos-api-config').textContent));`;

export async function serveDocsScript(request: Request): Promise<Response> {
  if (new URL(request.url).searchParams.has("init"))
    return new Response(INIT, {
      headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=3600" },
    });
  const { plain, gzip } = await loadScript();
  const gz = /\bgzip\b/.test(request.headers.get("accept-encoding") ?? "");
  return new Response(new Uint8Array(gz ? gzip : plain), {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=86400",
      vary: "accept-encoding",
      ...(gz ? { "content-encoding": "gzip" } : {}),
    },
  });
}
