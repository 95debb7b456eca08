import { SERVICE_DOMAINS, type ServiceDomain, TIERS, type Tier } from "@/db/schema/enums";
import { MAX_YEAR, MIN_YEAR, parseIsoDate as parseDate } from "@/lib/validation/date";

/** Exports write `group:default/unowned` for a service without a team; reading it back gives null. */
export const UNOWNED_GROUP = "unowned";

/** Annotation keys through which Pharos fields travel on a Backstage Component. */
export const ANNOTATION = {
  tier: "pharos.io/tier",
  domain: "pharos.io/domain",
  onCall: "pharos.io/on-call",
  runbook: "pharos.io/runbook",
  rtoMinutes: "pharos.io/rto-minutes",
  rpoMinutes: "pharos.io/rpo-minutes",
  lastDrTest: "pharos.io/last-dr-test",
  verifiedAt: "pharos.io/verified-at",
  scorecardLevel: "pharos.io/scorecard-level",
  sourceLocation: "backstage.io/source-location",
  githubSlug: "github.com/project-slug",
  pagerDuty: "pagerduty.com/service-id",
} as const;

/**
 * Keys not kept in `annotations` on import: their value lives in a Pharos field (or is computed
 * by Pharos, or is bookkeeping the Backstage catalog rewrites), so an export writes them afresh.
 */
export const MANAGED_ANNOTATIONS: ReadonlySet<string> = new Set([
  ANNOTATION.tier,
  ANNOTATION.domain,
  ANNOTATION.onCall,
  ANNOTATION.runbook,
  ANNOTATION.rtoMinutes,
  ANNOTATION.rpoMinutes,
  ANNOTATION.lastDrTest,
  ANNOTATION.verifiedAt,
  ANNOTATION.scorecardLevel,
  ANNOTATION.sourceLocation,
  "backstage.io/managed-by-location",
  "backstage.io/managed-by-origin-location",
  "backstage.io/orphan",
]);

const TIER_WORDS: Record<string, Tier> = { critical: "tier0", high: "tier1", medium: "tier2", low: "tier3" };

/** Accepts `tier0`, `0`, `tier-0`, `Tier 0` and the words critical/high/medium/low. */
export function parseTier(value: string): Tier | null {
  const v = value.trim().toLowerCase();
  if (TIER_WORDS[v]) return TIER_WORDS[v];
  const m = /^(?:tier[-_ ]?)?([0-3])$/.exec(v);
  return m ? TIERS[Number(m[1])] : null;
}

export function parseDomain(value: string | undefined): ServiceDomain | null {
  const v = value?.trim().toLowerCase();
  return SERVICE_DOMAINS.find((d) => d === v) ?? null;
}

/** Backstage's `spec.type` says little about infrastructure, so only `database` is read as a domain. */
export function domainFromType(type: string | undefined): ServiceDomain {
  return type?.trim().toLowerCase() === "database" ? "database" : "application";
}

export function parseMinutes(value: string): number | null {
  return /^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : null;
}

/**
 * A date or date-time as an ISO string, or why it is refused: the same rule as every other
 * date Pharos takes (UTC unless an offset is given, no impossible days, years 1970–9999).
 */
export function parseIsoDate(value: string): { ok: true; iso: string } | { ok: false; message: string } {
  const parsed = parseDate(value);
  if (parsed.ok) return { ok: true, iso: parsed.date.toISOString() };
  return {
    ok: false,
    message:
      parsed.problem === "range"
        ? `must be a date between ${MIN_YEAR} and ${MAX_YEAR}`
        : "is not an ISO date (e.g. 2026-03-31)",
  };
}
