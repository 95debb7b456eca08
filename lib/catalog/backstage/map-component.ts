import type { Lifecycle } from "@/db/schema/enums";
import {
  ANNOTATION,
  domainFromType,
  MANAGED_ANNOTATIONS,
  parseDomain,
  parseTier,
  UNOWNED_GROUP,
} from "./annotations";
import { type Reliability, readReliability } from "./map-reliability";
import { isPharosSlug, parseEntityRef, toSlug } from "./refs";
import { componentSpecSchema, describeIssues, type Envelope } from "./schema";
import type { ServiceField, ServiceImport } from "./types";

export type Mapped<T> = { data: T | null; errors: string[]; notes: string[] };

const LIFECYCLES: Record<string, Lifecycle> = {
  production: "production",
  experimental: "experimental",
  deprecated: "deprecated",
};

function readOwner(owner: string | undefined, errors: string[]): string | null {
  if (!owner) return null;
  const ref = parseEntityRef(owner, "group");
  if (!ref) {
    errors.push(`spec.owner "${owner}" is not a valid entity reference`);
    return null;
  }
  if (ref.kind !== "group") {
    errors.push(`spec.owner "${owner}": owner must be a Group (Pharos services are owned by teams)`);
    return null;
  }
  const slug = toSlug(ref.name);
  if (!isPharosSlug(slug)) errors.push(`spec.owner "${owner}" does not make a valid team slug ("${slug}")`);
  return slug === UNOWNED_GROUP ? null : slug;
}

function readSystem(system: string | undefined, errors: string[]): string | null {
  if (!system) return null;
  const ref = parseEntityRef(system, "system");
  if (ref?.kind === "system") return ref.name;
  errors.push(`spec.system "${system}" is not a reference to a System`);
  return null;
}

function readDependsOn(ref: string, slug: string, deps: string[], out: Mapped<unknown>): string[] {
  const slugs = new Set<string>();
  for (const dep of deps) {
    const target = parseEntityRef(dep, "component");
    if (!target) {
      out.errors.push(`spec.dependsOn "${dep}" is not a valid entity reference`);
    } else if (target.kind !== "component") {
      out.notes.push(
        `${ref}: dependsOn ${dep} is not imported (Pharos tracks service-to-service dependencies only)`,
      );
    } else if (toSlug(target.name) === slug) {
      out.errors.push(`spec.dependsOn "${dep}": a component cannot depend on itself`);
    } else {
      slugs.add(toSlug(target.name));
    }
  }
  return [...slugs];
}

/**
 * Which service fields the Component states itself, rather than leaving to a default: a
 * missing title is not "name it after the slug", a missing tier not "make it tier2", no
 * `links` not "remove every link".
 */
function statedFields(
  entity: Envelope,
  annotations: Record<string, string>,
  reliability: Reliability,
): ServiceField[] {
  const { metadata } = entity;
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const has = (key: string) => Boolean(annotations[key]?.trim());
  const stated: [ServiceField, boolean][] = [
    ["name", metadata.title !== undefined],
    ["description", metadata.description !== undefined],
    ["ownerTeam", spec.owner !== undefined],
    ["tier", has(ANNOTATION.tier) || Boolean(metadata.labels?.tier)],
    ["lifecycle", spec.lifecycle !== undefined],
    ["domain", has(ANNOTATION.domain) || spec.type !== undefined],
    // The recovery and operations fields are stated when the file gives them a value (a
    // `file:` source location is no repository URL, and clears none).
    ...(Object.keys(reliability) as (keyof Reliability)[]).map((field): [ServiceField, boolean] => [
      field,
      reliability[field] !== null,
    ]),
    ["links", metadata.links !== undefined],
    ["tags", metadata.tags !== undefined],
    ["system", spec.system !== undefined],
    // Annotations Pharos keeps as they are: stated when the file carries any of them.
    ["annotations", Object.keys(annotations).some((key) => !MANAGED_ANNOTATIONS.has(key))],
    ["dependsOn", spec.dependsOn !== undefined],
  ];
  return stated.filter(([, yes]) => yes).map(([field]) => field);
}

/** Component → Pharos service. Every problem is collected so one import run reports them all. */
export function mapComponent(
  entity: Envelope,
  ref: string,
): Mapped<ServiceImport> & { stated: ServiceField[] } {
  const out: Mapped<ServiceImport> & { stated: ServiceField[] } = {
    data: null,
    errors: [],
    notes: [],
    stated: [],
  };
  const parsed = componentSpecSchema.safeParse(entity.spec ?? {});
  if (!parsed.success) return { ...out, errors: [describeIssues(parsed.error, "spec.")] };
  const spec = parsed.data;
  const { metadata } = entity;
  const annotations = metadata.annotations ?? {};
  const slug = toSlug(metadata.name);
  if (!isPharosSlug(slug)) {
    out.errors.push(
      `metadata.name "${metadata.name}" is too short for a Pharos slug (at least 2 characters)`,
    );
  }

  const tierText = annotations[ANNOTATION.tier] || metadata.labels?.tier;
  const tier = tierText ? parseTier(tierText) : "tier2";
  if (!tier) {
    out.errors.push(`tier "${tierText}" is not one of tier0–tier3, 0–3, critical, high, medium, low`);
  }

  const ownerTeam = readOwner(spec.owner, out.errors);
  const system = readSystem(spec.system, out.errors);
  const dependsOn = readDependsOn(ref, slug, spec.dependsOn ?? [], out);
  const reliability = readReliability(annotations, metadata.links ?? [], out.errors);
  if (out.errors.length > 0) return out;

  const kept = Object.entries(annotations).filter(([key]) => !MANAGED_ANNOTATIONS.has(key));
  out.stated = statedFields(entity, annotations, reliability);
  out.data = {
    slug,
    name: metadata.title ?? metadata.name,
    description: metadata.description ?? "",
    ownerTeam,
    tier: tier ?? "tier2",
    lifecycle: LIFECYCLES[spec.lifecycle?.toLowerCase() ?? ""] ?? "experimental",
    domain: parseDomain(annotations[ANNOTATION.domain]) ?? domainFromType(spec.type),
    ...reliability,
    links: (metadata.links ?? []).map((l) => ({
      url: l.url,
      title: l.title ?? l.url,
      ...(l.type ? { kind: l.type } : {}),
    })),
    tags: [...new Set((metadata.tags ?? []).map((t) => t.toLowerCase()))],
    system,
    businessDomain: null,
    annotations: Object.fromEntries(kept),
    dependsOn,
  };
  return out;
}
