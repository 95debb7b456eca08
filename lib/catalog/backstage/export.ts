import { ANNOTATION, MANAGED_ANNOTATIONS, UNOWNED_GROUP } from "./annotations";
import { isValidAnnotationKey, isValidUrl, sanitizeTags, toEntityName } from "./sanitize";
import type { BackstageEntity, BackstageLink, GroupingExport, ServiceExport, TeamExport } from "./types";
import { yamlDocument } from "./yaml-writer";

export type {
  BackstageEntity,
  BackstageLink,
  GroupingExport,
  ServiceExport,
  TeamExport,
} from "./types";

const API_VERSION = "backstage.io/v1alpha1";

/**
 * Backstage rejects null and empty strings in several places, so absent values are left out
 * entirely. A plain loop: this runs several times for each of 10,000 services in an export.
 */
function compact<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const v = value[key];
    if (v === undefined || v === null || v === "") continue;
    if (Array.isArray(v)) {
      if (v.length === 0) continue;
    } else if (typeof v === "object" && !hasOwnKeys(v)) continue;
    out[key] = v;
  }
  return out as T;
}

function hasOwnKeys(v: object): boolean {
  for (const key in v) if (Object.hasOwn(v, key)) return true;
  return false;
}

const ownerRef = (team: string | null | undefined) => `group:default/${team || UNOWNED_GROUP}`;
const isoOf = (d: Date | null) => (d && !Number.isNaN(d.getTime()) ? d.toISOString() : undefined);
const nonBlank = (s: string | undefined | null) => (s?.trim() ? s : undefined);

function serviceAnnotations(s: ServiceExport): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key in s.annotations) {
    const value = s.annotations[key];
    if (Object.hasOwn(s.annotations, key) && typeof value === "string" && !MANAGED_ANNOTATIONS.has(key))
      if (isValidAnnotationKey(key)) out[key] = value;
  }
  const managed: [string, string | null | undefined][] = [
    [ANNOTATION.tier, s.tier],
    [ANNOTATION.domain, s.domain],
    [ANNOTATION.onCall, s.onCall],
    [ANNOTATION.runbook, s.runbookUrl],
    [ANNOTATION.rtoMinutes, s.rtoMinutes === null ? undefined : String(s.rtoMinutes)],
    [ANNOTATION.rpoMinutes, s.rpoMinutes === null ? undefined : String(s.rpoMinutes)],
    [ANNOTATION.lastDrTest, isoOf(s.lastDrTestAt)],
    [ANNOTATION.verifiedAt, isoOf(s.verifiedAt)],
    [
      ANNOTATION.scorecardLevel,
      s.scorecardLevel && s.scorecardLevel !== "none" ? s.scorecardLevel : undefined,
    ],
    [ANNOTATION.sourceLocation, s.repoUrl ? `url:${s.repoUrl}` : undefined],
  ];
  for (const [key, value] of managed) if (value) out[key] = value;
  return out;
}

/** Links Backstage would reject (not an absolute URL) are dropped so the rest of the entity loads. */
function exportLinks(links: ServiceExport["links"]): BackstageLink[] {
  return links
    .filter((l) => isValidUrl(l.url))
    .map((l) => compact({ url: l.url, title: nonBlank(l.title), type: nonBlank(l.kind) }));
}

export function serviceToEntity(s: ServiceExport): BackstageEntity {
  return {
    apiVersion: API_VERSION,
    kind: "Component",
    metadata: compact({
      name: s.slug,
      title: nonBlank(s.name),
      description: s.description,
      tags: sanitizeTags(s.tags),
      links: exportLinks(s.links),
      annotations: serviceAnnotations(s),
    }),
    spec: compact({
      type: "service",
      lifecycle: s.lifecycle,
      owner: ownerRef(s.ownerTeam),
      system: s.system ? (toEntityName(s.system) ?? undefined) : undefined,
      dependsOn: [...new Set(s.dependsOn)].map((slug) => `component:default/${slug}`),
    }),
  };
}

export function teamToEntity(t: TeamExport): BackstageEntity {
  return {
    apiVersion: API_VERSION,
    kind: "Group",
    metadata: compact({ name: t.slug, title: nonBlank(t.name), description: t.description }),
    spec: { type: "team", ...compact({ profile: compact({ displayName: nonBlank(t.name) }) }), children: [] },
  };
}

/** Backstage requires an owner on Systems and Domains; Pharos groupings have none unless given. */
export function groupingToEntity(g: GroupingExport): BackstageEntity {
  const name = toEntityName(g.name) ?? "unnamed";
  return {
    apiVersion: API_VERSION,
    kind: g.type === "system" ? "System" : "Domain",
    metadata: compact({
      name,
      title: name === g.name ? undefined : nonBlank(g.name),
      description: g.description,
    }),
    spec: compact({
      owner: ownerRef(g.ownerTeam),
      domain: g.type === "system" && g.domain ? (toEntityName(g.domain) ?? undefined) : undefined,
    }),
  };
}

/** One `---`-separated document per entity, the layout Backstage reads from catalog-info.yaml. */
export function toCatalogYaml(entities: BackstageEntity[]): string {
  return entities.map(yamlDocument).join("");
}
