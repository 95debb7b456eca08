import type { NextConfig } from "next";
import { IMPORT_ACTION_BODY_BYTES } from "./lib/catalog/import/limits";

const nextConfig: NextConfig = {
  // Lets two builds (a developer's and a benchmark's) live side by side; the default is .next.
  distDir: process.env.PHAROS_DIST_DIR || ".next",
  // PGlite ships WASM and data files that bundlers mangle; postgres.js, pino and
  // prom-client keep process-wide state that must be the one the custom server sees;
  // pg-boss (and its pg driver, with an optional native binding) is loaded as it ships.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "postgres",
    "pino",
    "prom-client",
    "@node-rs/bcrypt",
    "pg-boss",
    "pg",
  ],
  poweredByHeader: false,
  // Types and lint are checked by the test command (scripts/test.sh) on every run; checking
  // them again inside every build cost the demo's first start over a minute.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  experimental: {
    // The catalog import page sends its file through a server action: it must take what the
    // API takes (MAX_IMPORT_BYTES), not Next's default of 1 MB.
    serverActions: { bodySizeLimit: IMPORT_ACTION_BODY_BYTES },
    // Requests the proxy sees are cut at 10 MB by default: a form posted without JavaScript
    // (the same import) would arrive truncated.
    proxyClientMaxBodySize: IMPORT_ACTION_BODY_BYTES,
    // A first visit is the document and then its chunks: by default Turbopack cut the
    // catalog's client code into 15 files. Treating a request as costlier than a few hundred
    // KB of shared code merges them into 11 (measured on /services), at the price of some code
    // fetched twice between routes.
    turbopackChunking: { minChunkSize: 200_000, requestCost: 1_000_000 },
  },
};

export default nextConfig;
