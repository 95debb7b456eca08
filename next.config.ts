import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that bundlers mangle; postgres.js, pino and
  // prom-client keep process-wide state that must be the one the custom server sees.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino", "prom-client", "bcryptjs"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
