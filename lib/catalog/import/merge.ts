import type { ServiceLink } from "@/db/schema/catalog";
import { pluralWord } from "@/lib/plural";
import type { ServiceField, ServiceImport } from "../backstage/types";

/**
 * Every field an import can set, with the label people read in a diff. Typed over
 * ServiceField, so a field added to imports cannot be left out of comparisons and diffs.
 */
export const SERVICE_FIELD_LABELS: Record<ServiceField, string> = {
  name: "Name",
  description: "Description",
  ownerTeam: "Owner team",
  tier: "Tier",
  lifecycle: "Lifecycle",
  domain: "Domain",
  repoUrl: "Repository",
  runbookUrl: "Runbook",
  onCall: "On-call",
  links: "Links",
  tags: "Tags",
  rtoMinutes: "RTO (minutes)",
  rpoMinutes: "RPO (minutes)",
  lastDrTestAt: "Last DR test",
  system: "System",
  businessDomain: "Business domain",
  annotations: "Annotations",
  dependsOn: "Depends on",
};

export const SERVICE_FIELDS = Object.keys(SERVICE_FIELD_LABELS) as ServiceField[];

export type FieldChange = { field: ServiceField; label: string; before: string; after: string };

/** An existing service as the file would leave it: the fields the file states replace, the rest stay. */
export function mergeStated(
  current: ServiceImport,
  incoming: ServiceImport,
  stated: readonly ServiceField[],
) {
  const merged: ServiceImport = { ...current };
  for (const field of stated) (merged as Record<ServiceField, unknown>)[field] = incoming[field];
  return merged;
}

/** A value in one comparable form: sets sorted, dates in UTC, links by their parts. */
function comparable(field: ServiceField, s: ServiceImport): string {
  const value = s[field];
  if (field === "dependsOn" || field === "tags") return JSON.stringify([...(value as string[])].sort());
  if (field === "lastDrTestAt") return JSON.stringify(value ? new Date(value as string).toISOString() : null);
  if (field === "annotations") return JSON.stringify(Object.entries(value as object).sort());
  // JSONB stores object keys in its own order, so links compare part by part.
  if (field === "links") return JSON.stringify(s.links.map((l) => [l.title, l.url, l.kind ?? null]));
  return JSON.stringify(value ?? null);
}

/** The fields that differ between two versions of a service. */
export function changedFields(before: ServiceImport, after: ServiceImport): ServiceField[] {
  return SERVICE_FIELDS.filter((f) => comparable(f, before) !== comparable(f, after));
}

const linkText = (l: ServiceLink) => (l.title && l.title !== l.url ? `${l.title} (${l.url})` : l.url);

/** A value as a person reads it in a diff. */
function shown(field: ServiceField, s: ServiceImport): string {
  const value = s[field];
  if (value === null || value === undefined || value === "") return "—";
  if (field === "links") return s.links.length ? s.links.map(linkText).join(", ") : "—";
  if (field === "annotations") {
    const entries = Object.entries(s.annotations);
    return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(", ") : "—";
  }
  if (Array.isArray(value)) return value.length ? [...value].sort().join(", ") : "—";
  if (field === "lastDrTestAt") return new Date(value as string).toISOString().slice(0, 10);
  return String(value);
}

/** Each changed field's value before → after. */
export function fieldChanges(before: ServiceImport, after: ServiceImport): FieldChange[] {
  return changedFields(before, after).map((field) => ({
    field,
    label: SERVICE_FIELD_LABELS[field],
    before: shown(field, before),
    after: shown(field, after),
  }));
}

const tierRank = (tier: string) => Number(tier.replace("tier", ""));

/**
 * What an update would take away that people rely on: a dependency, a link or the owner
 * removed, or the tier lowered. An import applies these only when they are confirmed.
 */
export function losses(before: ServiceImport, after: ServiceImport): string[] {
  const out: string[] = [];
  const gone = (a: string[], b: string[]) => a.filter((x) => !b.includes(x));
  const deps = gone(before.dependsOn, after.dependsOn);
  if (deps.length)
    out.push(
      `removes ${pluralWord(deps.length, { one: "the dependency on", other: "dependencies on" })} ${deps.join(", ")}`,
    );
  const links = before.links.filter((l) => !after.links.some((m) => m.url === l.url));
  if (links.length)
    out.push(
      `removes ${pluralWord(links.length, { one: "the link", other: "links" })} ${links.map(linkText).join(", ")}`,
    );
  if (before.ownerTeam && !after.ownerTeam) out.push(`removes the owner team ${before.ownerTeam}`);
  if (tierRank(after.tier) > tierRank(before.tier))
    out.push(`lowers the tier from ${before.tier} to ${after.tier}`);
  return out;
}
