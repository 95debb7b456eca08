import type { ServiceLink } from "@/db/schema/catalog";
import type { Lifecycle, ServiceDomain, Tier } from "@/db/schema/enums";

/** One YAML document of a catalog file; `index` is 1-based, matching `document #N` in messages. */
export type ParsedDocument =
  | { index: number; ok: true; raw: unknown }
  | { index: number; ok: false; ref: string; error: string };

/** A Pharos service as read from a Backstage Component (dates as ISO strings, relations as slugs). */
export type ServiceImport = {
  slug: string;
  name: string;
  description: string;
  ownerTeam: string | null;
  tier: Tier;
  lifecycle: Lifecycle;
  domain: ServiceDomain;
  repoUrl: string | null;
  runbookUrl: string | null;
  onCall: string | null;
  links: ServiceLink[];
  tags: string[];
  rtoMinutes: number | null;
  rpoMinutes: number | null;
  lastDrTestAt: string | null;
  system: string | null;
  businessDomain: string | null;
  annotations: Record<string, string>;
  dependsOn: string[];
};

/** The fields of a service an import can set (the slug names the service). */
export type ServiceField = Exclude<keyof ServiceImport, "slug">;

export type TeamImport = { slug: string; name: string; description: string };
export type UserImport = { email: string; name: string; teams: string[] };
export type GroupingImport = {
  type: "system" | "domain";
  name: string;
  domain: string | null;
  description: string;
};

export type ImportEntity =
  /**
   * `stated`: the fields the YAML itself states. On an existing service only those replace
   * Pharos's values; the others (the defaults a sparse file falls back to) are left alone.
   */
  | { kind: "service"; ref: string; data: ServiceImport; stated: ServiceField[] }
  | { kind: "team"; ref: string; data: TeamImport }
  | { kind: "user"; ref: string; data: UserImport }
  | { kind: "grouping"; ref: string; data: GroupingImport };

export type MapResult = {
  entities: ImportEntity[];
  skipped: { ref: string; reason: string }[];
  errors: { ref: string; error: string }[];
};

/** What an export reads from Pharos: the service fields plus the computed readiness data. */
export type ServiceExport = Omit<ServiceImport, "lastDrTestAt"> & {
  lastDrTestAt: Date | null;
  verifiedAt: Date | null;
  scorecardLevel: string;
};

export type TeamExport = TeamImport;

/** `ownerTeam` is optional because Pharos groupings have no owner, but Backstage requires one. */
export type GroupingExport = GroupingImport & { ownerTeam?: string | null };

export type BackstageLink = { url: string; title?: string; type?: string };

/** The subset of Backstage's entity envelope Pharos writes; validated in tests with @backstage/catalog-model. */
export type BackstageEntity = {
  apiVersion: "backstage.io/v1alpha1";
  kind: "Component" | "Group" | "System" | "Domain";
  metadata: {
    name: string;
    title?: string;
    description?: string;
    tags?: string[];
    links?: BackstageLink[];
    annotations?: Record<string, string>;
  };
  spec: Record<string, unknown>;
};
