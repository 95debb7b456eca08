import { ANNOTATION, parseIsoDate, parseMinutes } from "./annotations";

type Link = { url: string; title?: string; type?: string };

export type Reliability = {
  repoUrl: string | null;
  runbookUrl: string | null;
  onCall: string | null;
  rtoMinutes: number | null;
  rpoMinutes: number | null;
  lastDrTestAt: string | null;
};

/** `url:https://…` is Backstage's location form; other location types (file:, github:) are no repo URL. */
function repoFrom(annotations: Record<string, string>): string | null {
  const source = annotations[ANNOTATION.sourceLocation]?.trim();
  if (source?.startsWith("url:")) return source.slice(4);
  if (source && /^https?:\/\//.test(source)) return source;
  const slug = annotations[ANNOTATION.githubSlug]?.trim();
  return slug ? `https://github.com/${slug}` : null;
}

function minutes(annotations: Record<string, string>, key: string, errors: string[]): number | null {
  const value = annotations[key];
  if (!value) return null;
  const parsed = parseMinutes(value);
  if (parsed === null) errors.push(`${key} "${value}" must be a whole number of minutes`);
  return parsed;
}

/** Reads the recovery and operations fields from annotations (and a runbook link as a fallback). */
export function readReliability(
  annotations: Record<string, string>,
  links: Link[],
  errors: string[],
): Reliability {
  const runbookLink = links.find((l) => /runbook/i.test(l.title ?? "") || /runbook/i.test(l.type ?? ""));
  const pagerDuty = annotations[ANNOTATION.pagerDuty]?.trim();
  const rtoMinutes = minutes(annotations, ANNOTATION.rtoMinutes, errors);
  const rpoMinutes = minutes(annotations, ANNOTATION.rpoMinutes, errors);
  const drText = annotations[ANNOTATION.lastDrTest];
  const drTest = drText ? parseIsoDate(drText) : null;
  if (drTest && !drTest.ok) errors.push(`${ANNOTATION.lastDrTest} "${drText}" ${drTest.message}`);
  return {
    repoUrl: repoFrom(annotations),
    runbookUrl: annotations[ANNOTATION.runbook] || runbookLink?.url || null,
    onCall: annotations[ANNOTATION.onCall] || (pagerDuty ? `pagerduty:${pagerDuty}` : null),
    rtoMinutes,
    rpoMinutes,
    lastDrTestAt: drTest?.ok ? drTest.iso : null,
  };
}
