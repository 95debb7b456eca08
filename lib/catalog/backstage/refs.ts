import { hasControlCharacters } from "@/lib/validation/text";

export type EntityRef = { kind: string; namespace: string; name: string };

/** Backstage's entity-name rule (metadata.name): [a-zA-Z0-9] runs separated by one of -_. */
export const ENTITY_NAME = /^[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$/;
const PHAROS_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads `[kind:][namespace/]name` the way Backstage does, lower-casing kind and namespace (refs
 * are case-insensitive). Returns null for empty parts or a name Backstage would not accept.
 */
export function parseEntityRef(ref: string, defaultKind: string): EntityRef | null {
  const text = ref.trim();
  const colon = text.indexOf(":");
  const kind = colon === -1 ? defaultKind : text.slice(0, colon);
  const rest = colon === -1 ? text : text.slice(colon + 1);
  const slash = rest.indexOf("/");
  const namespace = slash === -1 ? "default" : rest.slice(0, slash);
  const name = slash === -1 ? rest : rest.slice(slash + 1);
  if (!kind || !namespace || !ENTITY_NAME.test(name) || name.length > 63) return null;
  return { kind: kind.toLowerCase(), namespace: namespace.toLowerCase(), name };
}

export function formatRef(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}:${namespace ?? "default"}/${name}`.toLowerCase();
}

/** Backstage names allow upper case, `_` and `.`; Pharos slugs are lower-case and hyphenated. */
export function toSlug(name: string): string {
  return name.toLowerCase().replace(/[_.]/g, "-");
}

export function isPharosSlug(slug: string): boolean {
  return slug.length >= 2 && slug.length <= 63 && PHAROS_SLUG.test(slug);
}

/**
 * Best-effort ref for messages about a document that may not have passed validation; one whose
 * kind or name holds a control character is named by its position, so the ref stays printable.
 */
export function refOfRaw(raw: unknown, index: number): string {
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    const { kind, metadata } = raw as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
    const name = metadata?.name;
    const namespace = typeof metadata?.namespace === "string" ? metadata.namespace : undefined;
    const printable = [kind, name, namespace].every((v) => typeof v !== "string" || !hasControlCharacters(v));
    if (typeof kind === "string" && kind && typeof name === "string" && name && printable) {
      return formatRef(kind, namespace, name);
    }
  }
  return `document #${index}`;
}
