import { pgEnum } from "drizzle-orm/pg-core";

export const ROLES = ["viewer", "engineer", "change_manager", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const roleEnum = pgEnum("role", ROLES);

export const TIERS = ["tier0", "tier1", "tier2", "tier3"] as const;
export type Tier = (typeof TIERS)[number];
export const tierEnum = pgEnum("tier", TIERS);

export const LIFECYCLES = ["experimental", "production", "deprecated"] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];
export const lifecycleEnum = pgEnum("lifecycle", LIFECYCLES);

export const SERVICE_DOMAINS = [
  "cloud",
  "database",
  "network",
  "compute-storage",
  "middleware",
  "application",
] as const;
export type ServiceDomain = (typeof SERVICE_DOMAINS)[number];
export const serviceDomainEnum = pgEnum("service_domain", SERVICE_DOMAINS);
