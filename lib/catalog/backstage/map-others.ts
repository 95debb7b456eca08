import { z } from "zod";
import type { Mapped } from "./map-component";
import { isPharosSlug, parseEntityRef, toSlug } from "./refs";
import { describeIssues, type Envelope, groupSpecSchema, systemSpecSchema, userSpecSchema } from "./schema";
import type { GroupingImport, TeamImport, UserImport } from "./types";

const email = z.email();

function teamSlug(name: string, field: string, errors: string[]): string {
  const slug = toSlug(name);
  if (!isPharosSlug(slug)) {
    errors.push(`${field} "${name}" is too short for a Pharos slug (at least 2 characters)`);
  }
  return slug;
}

export function mapGroup(entity: Envelope): Mapped<TeamImport> {
  const parsed = groupSpecSchema.safeParse(entity.spec ?? {});
  if (!parsed.success) return { data: null, errors: [describeIssues(parsed.error, "spec.")], notes: [] };
  const { metadata } = entity;
  const errors: string[] = [];
  const slug = teamSlug(metadata.name, "metadata.name", errors);
  const name = parsed.data.profile.displayName ?? metadata.title ?? metadata.name;
  const data = errors.length ? null : { slug, name, description: metadata.description ?? "" };
  return { data, errors, notes: [] };
}

/** Users are matched by email in Pharos, so one without an email is skipped rather than failing the file. */
export function mapUser(entity: Envelope): Mapped<UserImport> {
  const parsed = userSpecSchema.safeParse(entity.spec ?? {});
  if (!parsed.success) return { data: null, errors: [describeIssues(parsed.error, "spec.")], notes: [] };
  const { profile, memberOf } = parsed.data;
  const { name } = entity.metadata;
  if (!profile.email) return { data: null, errors: [], notes: [`User ${name} has no spec.profile.email`] };
  const errors: string[] = [];
  const address = profile.email.trim().toLowerCase();
  if (!email.safeParse(address).success) {
    errors.push(`spec.profile.email "${profile.email}" is not an email address`);
  }
  const teams = new Set<string>();
  for (const group of memberOf ?? []) {
    const ref = parseEntityRef(group, "group");
    if (ref?.kind === "group") teams.add(teamSlug(ref.name, "spec.memberOf", errors));
    else errors.push(`spec.memberOf "${group}" is not a reference to a Group`);
  }
  const data = errors.length
    ? null
    : { email: address, name: profile.displayName ?? name, teams: [...teams] };
  return { data, errors, notes: [] };
}

export function mapGrouping(entity: Envelope, type: "system" | "domain"): Mapped<GroupingImport> {
  const base = { type, name: entity.metadata.name, description: entity.metadata.description ?? "" };
  if (type === "domain") return { data: { ...base, domain: null }, errors: [], notes: [] };
  const parsed = systemSpecSchema.safeParse(entity.spec ?? {});
  if (!parsed.success) return { data: null, errors: [describeIssues(parsed.error, "spec.")], notes: [] };
  const domain = parsed.data.domain;
  if (!domain) return { data: { ...base, domain: null }, errors: [], notes: [] };
  const ref = parseEntityRef(domain, "domain");
  if (ref?.kind !== "domain") {
    return { data: null, errors: [`spec.domain "${domain}" is not a reference to a Domain`], notes: [] };
  }
  return { data: { ...base, domain: ref.name }, errors: [], notes: [] };
}
