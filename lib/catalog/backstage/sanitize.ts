import { ENTITY_NAME } from "./refs";

const TAG = /^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/;
const DNS_LABEL = /^[a-z0-9]+(?:-+[a-z0-9]+)*$/;

/**
 * Backstage tags are `[a-z0-9:+#]` runs joined by single hyphens, at most 63 characters; Pharos
 * also allows `.` and `_`, which become hyphens, and accents are dropped (Über → uber). Returns null when nothing usable is left.
 */
export function sanitizeTag(tag: string): string | null {
  // Most tags are valid already, and the cleaning below would leave them as they are.
  if (tag.length <= 63 && TAG.test(tag)) return tag;
  const cleaned = tag
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim()
    .replace(/[\s._]+/g, "-")
    .replace(/[^a-z0-9:+#-]/g, "")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
  return TAG.test(cleaned) ? cleaned : null;
}

export function sanitizeTags(tags: string[]): string[] {
  return [...new Set(tags.map(sanitizeTag).filter((t): t is string => t !== null))];
}

/** Free-text names (a System typed into a Pharos form) made into a valid Backstage entity name. */
export function toEntityName(value: string): string | null {
  if (ENTITY_NAME.test(value) && value.length <= 63) return value;
  const cleaned = value
    .replace(/[^a-zA-Z0-9]+/g, "-")
    .slice(0, 63)
    .replace(/^-+|-+$/g, "");
  return cleaned || null;
}

/** Mirrors Backstage's annotation-key rule: optional DNS-subdomain prefix, then an object name. */
export function isValidAnnotationKey(key: string): boolean {
  const parts = key.split("/");
  if (parts.length > 2) return false;
  const name = parts[parts.length - 1];
  const nameOk =
    name.length >= 1 && name.length <= 63 && /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/.test(name);
  if (parts.length === 1) return nameOk;
  const prefix = parts[0];
  const prefixOk =
    prefix.length >= 1 &&
    prefix.length <= 253 &&
    prefix.split(".").every((l) => l.length <= 63 && DNS_LABEL.test(l));
  return nameOk && prefixOk;
}

export function isValidUrl(url: string): boolean {
  return URL.canParse(url);
}
