import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets two builds (a developer's and a benchmark's) live side by side; the default is .next.
  distDir: process.env.PHAROS_DIST_DIR || ".next",
  // PGlite ships WASM and data files that bundlers mangle; postgres.js, pino and
  // prom-client keep process-wide state that must be the one the custom server sees.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino", "prom-client", "bcryptjs", "@node-rs/bcrypt"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
