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

/** Backstage rejects null and empty strings in several places, so absent values are left out entirely. */
function compact<T extends Record<string, unknown>>(value: T): T {
  const entries = Object.entries(value).filter(
    ([, v]) =>
      v !== undefined &&
      v !== null &&
      v !== "" &&
      !(Array.isArray(v) && v.length === 0) &&
      !(typeof v === "object" && !Array.isArray(v) && Object.keys(v as object).length === 0),
  );
  return Object.fromEntries(entries) as T;
}

const ownerRef = (team: string | null | undefined) => `group:default/${team || UNOWNED_GROUP}`;
const isoOf = (d: Date | null) => (d && !Number.isNaN(d.getTime()) ? d.toISOString() : undefined);
const nonBlank = (s: string | undefined | null) => (s?.trim() ? s : undefined);

function serviceAnnotations(s: ServiceExport): Record<string, string> {
  const kept = Object.entries(s.annotations).filter(
    ([key, value]) => !MANAGED_ANNOTATIONS.has(key) && isValidAnnotationKey(key) && typeof value === "string",
  );
  const managed: Record<string, string | undefined> = {
    [ANNOTATION.tier]: s.tier,
    [ANNOTATION.domain]: s.domain,
    [ANNOTATION.onCall]: s.onCall ?? undefined,
    [ANNOTATION.runbook]: s.runbookUrl ?? undefined,
    [ANNOTATION.rtoMinutes]: s.rtoMinutes === null ? undefined : String(s.rtoMinutes),
    [ANNOTATION.rpoMinutes]: s.rpoMinutes === null ? undefined : String(s.rpoMinutes),
    [ANNOTATION.lastDrTest]: isoOf(s.lastDrTestAt),
    [ANNOTATION.verifiedAt]: isoOf(s.verifiedAt),
    [ANNOTATION.scorecardLevel]:
      s.scorecardLevel && s.scorecardLevel !== "none" ? s.scorecardLevel : undefined,
    [ANNOTATION.sourceLocation]: s.repoUrl ? `url:${s.repoUrl}` : undefined,
  };
  const set = Object.entries(managed).filter((e): e is [string, string] => Boolean(e[1]));
  return Object.fromEntries([...kept, ...set]);
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
