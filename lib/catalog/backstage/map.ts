import { controlCharacterProblems } from "./control-characters";
import { type Mapped, mapComponent } from "./map-component";
import { mapGroup, mapGrouping, mapUser } from "./map-others";
import { formatRef, refOfRaw } from "./refs";
import { describeIssues, type Envelope, envelopeSchema } from "./schema";
import type { ImportEntity, MapResult, ParsedDocument } from "./types";

export type {
  GroupingImport,
  ImportEntity,
  MapResult,
  ServiceImport,
  TeamImport,
  UserImport,
} from "./types";

/** Backstage kinds Pharos knows but does not model: skipped, never an error. */
const SKIPPED_KINDS = new Set(["api", "resource", "location", "template"]);
const IMPORTED_KINDS = new Set(["component", "group", "user", "system", "domain"]);

function toEntity(entity: Envelope, ref: string): Mapped<ImportEntity> {
  const wrap = <T>(m: Mapped<T>, make: (data: T) => ImportEntity): Mapped<ImportEntity> => ({
    ...m,
    data: m.data === null ? null : make(m.data),
  });
  switch (entity.kind.toLowerCase()) {
    case "component": {
      const mapped = mapComponent(entity, ref);
      return wrap(mapped, (data) => ({ kind: "service", ref, data, stated: mapped.stated }));
    }
    case "group":
      return wrap(mapGroup(entity), (data) => ({ kind: "team", ref, data }));
    case "user":
      return wrap(mapUser(entity), (data) => ({ kind: "user", ref, data }));
    default: {
      const type = entity.kind.toLowerCase() === "system" ? "system" : "domain";
      return wrap(mapGrouping(entity, type), (data) => ({ kind: "grouping", ref, data }));
    }
  }
}

/** What must be unique in Pharos: two Backstage names can normalise to the same slug. */
function identity(e: ImportEntity): string {
  switch (e.kind) {
    case "service":
    case "team":
      return `${e.kind} slug "${e.data.slug}"`;
    case "user":
      return `user email "${e.data.email}"`;
    case "grouping":
      return `${e.data.type} "${e.data.name.toLowerCase()}"`;
  }
}

function describeShape(raw: unknown): string {
  if (Array.isArray(raw)) return "a list";
  return raw === null ? "null" : typeof raw;
}

/** A service's business domain is its System's domain when that System is in the same file. */
function applyBusinessDomains(entities: ImportEntity[]): void {
  const domains = new Map<string, string>();
  for (const e of entities) {
    if (e.kind === "grouping" && e.data.type === "system" && e.data.domain) {
      domains.set(e.data.name.toLowerCase(), e.data.domain);
    }
  }
  for (const e of entities) {
    if (e.kind === "service" && e.data.system) {
      const domain = domains.get(e.data.system.toLowerCase());
      // Stated through the file's System: without it the service keeps the domain it has.
      if (domain) {
        e.data.businessDomain = domain;
        e.stated.push("businessDomain");
      }
    }
  }
}

/**
 * Maps parsed Backstage entities to Pharos imports. Errors block an import; skipped entries are
 * things Pharos deliberately leaves out and are only reported.
 */
export function mapDocuments(docs: ParsedDocument[]): MapResult {
  const result: MapResult = { entities: [], skipped: [], errors: [] };
  const refs = new Map<string, number>();
  const identities = new Map<string, string>();
  for (const doc of docs) {
    if (!doc.ok) {
      result.errors.push({ ref: doc.ref, error: doc.error });
      continue;
    }
    const fail = (ref: string, error: string) => result.errors.push({ ref, error });
    const raw = doc.raw as { kind?: unknown } | null;
    const looseRef = refOfRaw(raw, doc.index);
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
      fail(looseRef, `Expected a mapping (a Backstage entity) but found ${describeShape(raw)}`);
      continue;
    }
    if (typeof raw.kind !== "string" || !raw.kind) {
      fail(looseRef, "kind: is missing (expected e.g. Component, Group, User, System or Domain)");
      continue;
    }
    const kind = raw.kind.toLowerCase();
    if (SKIPPED_KINDS.has(kind)) {
      result.skipped.push({
        ref: looseRef,
        reason: `kind ${raw.kind} is not imported (Pharos does not model it)`,
      });
      continue;
    }
    const control = controlCharacterProblems(raw);
    if (control.length) {
      fail(looseRef, control.join("; "));
      continue;
    }
    if (!IMPORTED_KINDS.has(kind)) {
      fail(looseRef, `Unknown kind "${raw.kind}"`);
      continue;
    }
    const parsed = envelopeSchema.safeParse(raw);
    if (!parsed.success) {
      fail(looseRef, describeIssues(parsed.error));
      continue;
    }
    const { metadata } = parsed.data;
    const ref = formatRef(parsed.data.kind, metadata.namespace, metadata.name);
    const first = refs.get(ref);
    if (first !== undefined) {
      fail(ref, `Duplicate entity: ${ref} is already defined in document #${first}`);
      continue;
    }
    refs.set(ref, doc.index);
    const mapped = toEntity(parsed.data, ref);
    for (const error of mapped.errors) fail(ref, error);
    for (const reason of mapped.notes) result.skipped.push({ ref, reason });
    if (!mapped.data) continue;
    const key = identity(mapped.data);
    const owner = identities.get(key);
    if (owner) {
      fail(ref, `${key} is already taken by ${owner} in this file`);
      continue;
    }
    identities.set(key, ref);
    result.entities.push(mapped.data);
  }
  applyBusinessDomains(result.entities);
  return result;
}
