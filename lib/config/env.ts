import path from "node:path";

/**
 * Every setting Pharos reads from the environment, in one place, so the README's
 * configuration table and the code cannot drift apart.
 */
export function dataDir(): string {
  // The folder is chosen at run time; without the hint Turbopack would trace the whole
  // project into the server bundle (and print a 40-line warning on every build).
  return path.resolve(/*turbopackIgnore: true*/ process.env.PHAROS_DATA_DIR ?? ".data");
}

export function databaseUrl(): string | undefined {
  const url = process.env.DATABASE_URL?.trim();
  return url ? url : undefined;
}

export function usesEmbeddedDatabase(): boolean {
  return databaseUrl() === undefined;
}

export function oidcSettings() {
  const issuer = process.env.OIDC_ISSUER?.trim();
  const clientId = process.env.OIDC_CLIENT_ID?.trim();
  const clientSecret = process.env.OIDC_CLIENT_SECRET?.trim();
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    issuer,
    clientId,
    clientSecret,
    name: process.env.OIDC_DISPLAY_NAME?.trim() || "Single sign-on",
    scopes: process.env.OIDC_SCOPES?.trim() || "openid email profile groups",
    groupsClaim: process.env.OIDC_GROUPS_CLAIM?.trim() || "groups",
    roleMapping: process.env.OIDC_ROLE_MAPPING?.trim() || "",
    defaultRole: process.env.OIDC_DEFAULT_ROLE?.trim() || "viewer",
  };
}

export type OidcSettings = NonNullable<ReturnType<typeof oidcSettings>>;

/**
 * Lets catalog locations use plain http (and https) on this machine's loopback addresses —
 * for tests and local development with a file server; never for a real deployment.
 */
export function locationsAllowLoopback(): boolean {
  return process.env.PHAROS_LOCATIONS_ALLOW_LOOPBACK === "true";
}

/**
 * How long 5-minute SLI buckets (and hourly rollups) are kept, in days; whole months past it
 * are dropped. Daily rollups are kept for the monthly history. Default 400 (13 months).
 */
export function sliRetentionDays(): number {
  const days = Number(process.env.PHAROS_SLI_RETENTION_DAYS ?? 400);
  return Number.isFinite(days) && days >= 95 ? Math.floor(days) : 400;
}
