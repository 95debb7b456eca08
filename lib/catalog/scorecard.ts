import type { ScorecardLevel } from "@/db/schema/catalog";
import type { Tier } from "@/db/schema/enums";

/** What a scorecard rule looks at: the service as stored, plus facts other domains provide. */
export type ScorecardInput = {
  ownerTeamId: string | null;
  description: string;
  repoUrl: string | null;
  runbookUrl: string | null;
  onCall: string | null;
  links: { title: string; url: string; kind?: string }[];
  tier: Tier;
  lifecycle: string;
  rtoMinutes: number | null;
  rpoMinutes: number | null;
  lastDrTestAt: Date | null;
  verifiedAt: Date | null;
  /** Facts from domains that have not landed yet are `undefined`: their rules are unmeasured. */
  sloCount?: number;
  slosMet?: boolean;
  overdueActionItems?: number;
};

/**
 * "n/a": the rule does not apply to this service (a DR test for tier 3). "unmeasured": it
 * applies, but the domain that holds its facts has not landed, so nobody knows; a level
 * reached without it says so rather than pass it silently.
 */
/** Where a failing rule is fixed: the edit form, the service page (verify), its SLOs, or its overdue action items. */
export type FixAt = "edit" | "verify" | "slo" | "actions";

export function fixHref(slug: string, fixAt: FixAt): string {
  if (fixAt === "edit") return `/services/${slug}/edit`;
  if (fixAt === "slo") return `/services/${slug}#slos`;
  if (fixAt === "actions") return `/action-items?service=${slug}&overdue=1`;
  return `/services/${slug}`;
}

export const FIX_LABELS: Record<FixAt, string> = {
  edit: "Edit the entry",
  verify: "Review and verify",
  slo: "See its SLOs",
  actions: "See its overdue action items",
};

export type RuleOutcome = "pass" | "fail" | "n/a" | "unmeasured";
export type Rule = {
  id: string;
  level: Exclude<ScorecardLevel, "none">;
  title: string;
  /** How to make the rule pass, in words the owner can act on. */
  fix: string;
  /** Where the fix is made: the service's edit form, or its page (the Verify button). */
  fixAt: FixAt;
  /**
   * The domain whose facts the rule needs while that domain has not landed: the rule is then
   * unmeasured for every service. Remove it when the domain provides the facts.
   */
  awaits?: "slo" | "incidents";
  check: (s: ScorecardInput, now: Date) => RuleOutcome;
};

const DAY = 86_400_000;
const within = (date: Date | null, days: number, now: Date) =>
  date !== null && now.getTime() - date.getTime() <= days * DAY;
const critical = (tier: Tier) => tier === "tier0" || tier === "tier1";
const pass = (ok: boolean): RuleOutcome => (ok ? "pass" : "fail");

/** The production-readiness rules, lowest level first. A level needs all its rules and those below. */
export const RULES: Rule[] = [
  {
    id: "has-owner",
    level: "bronze",
    title: "Has an owning team",
    fix: "Set the owner team on the service.",
    fixAt: "edit",
    check: (s) => pass(s.ownerTeamId !== null),
  },
  {
    id: "has-description",
    level: "bronze",
    title: "Describes what it does",
    fix: "Write a description of at least 20 characters.",
    fixAt: "edit",
    check: (s) => pass(s.description.trim().length >= 20),
  },
  {
    id: "has-repo",
    level: "bronze",
    title: "Links its source repository",
    fix: "Add the repository URL.",
    fixAt: "edit",
    check: (s) => pass(Boolean(s.repoUrl)),
  },
  {
    id: "has-on-call",
    level: "bronze",
    title: "Names an on-call rotation",
    fix: "Set the on-call rotation responders should page.",
    fixAt: "edit",
    check: (s) => pass(Boolean(s.onCall)),
  },
  {
    id: "has-runbook",
    level: "silver",
    title: "Has a runbook",
    fix: "Link the runbook responders follow.",
    fixAt: "edit",
    check: (s) => pass(Boolean(s.runbookUrl)),
  },
  {
    id: "has-dashboard",
    level: "silver",
    title: "Links a dashboard",
    fix: "Add a link of kind “dashboard”.",
    fixAt: "edit",
    check: (s) => pass(s.links.some((l) => l.kind === "dashboard" || /dashboard|grafana/i.test(l.title))),
  },
  {
    id: "has-slo",
    level: "silver",
    title: "Has at least one SLO",
    fix: "Define an SLO for the service's most important user journey.",
    fixAt: "slo",
    check: (s) => (s.sloCount === undefined ? "unmeasured" : pass(s.sloCount > 0)),
  },
  {
    id: "verified-90d",
    level: "silver",
    title: "Catalog entry verified in the last 90 days",
    fix: "Have an owner review the entry and press “Verify”.",
    fixAt: "verify",
    check: (s, now) => pass(within(s.verifiedAt, 90, now)),
  },
  {
    id: "slos-met",
    level: "gold",
    title: "Meets its SLOs",
    fix: "Bring every SLO back within target (budget remaining above zero).",
    fixAt: "slo",
    check: (s) => (s.slosMet === undefined ? "unmeasured" : pass(s.slosMet)),
  },
  {
    id: "no-overdue-actions",
    level: "gold",
    title: "No overdue postmortem action items",
    fix: "Close or re-plan the overdue action items.",
    fixAt: "actions",
    check: (s) => (s.overdueActionItems === undefined ? "unmeasured" : pass(s.overdueActionItems === 0)),
  },
  {
    id: "dr-test-365d",
    level: "gold",
    title: "Disaster-recovery test in the last 365 days (tier 0/1)",
    fix: "Run a DR test and record its date.",
    fixAt: "edit",
    check: (s, now) => (critical(s.tier) ? pass(within(s.lastDrTestAt, 365, now)) : "n/a"),
  },
  {
    id: "rto-rpo-set",
    level: "gold",
    title: "RTO and RPO targets set (tier 0/1)",
    fix: "Agree and record RTO and RPO targets.",
    fixAt: "edit",
    check: (s) => (critical(s.tier) ? pass(s.rtoMinutes !== null && s.rpoMinutes !== null) : "n/a"),
  },
];

const ORDER: Exclude<ScorecardLevel, "none">[] = ["bronze", "silver", "gold"];

export const LEVEL_RANK: Record<ScorecardLevel, number> = { none: 0, bronze: 1, silver: 2, gold: 3 };

/** The levels below `level` (for "below silver": none and bronze). */
export function levelsBelow(level: ScorecardLevel): ScorecardLevel[] {
  return (["none", ...ORDER] as ScorecardLevel[]).filter((l) => LEVEL_RANK[l] < LEVEL_RANK[level]);
}

/**
 * How many rules a level counts that no domain measures yet: those of that level and below
 * still awaiting their domain. It depends on the level alone (a landed domain measures every
 * service), so a stored level can show it without storing more.
 */
export function unmeasuredAt(level: ScorecardLevel): number {
  return RULES.filter((r) => r.awaits && LEVEL_RANK[r.level] <= LEVEL_RANK[level]).length;
}

export type Scorecard = {
  level: ScorecardLevel;
  results: { rule: Rule; outcome: RuleOutcome }[];
  /** Rules that passed, of those measured and applicable. */
  passed: number;
  /** Rules measured and applicable to the service (passing or failing). */
  applicable: number;
  /** Rules of the reached level (and below) that are not measured yet: see unmeasuredAt. */
  unmeasured: number;
  /** The failing rules that stand between the service and its next level. */
  nextLevel: { level: Exclude<ScorecardLevel, "none">; failing: Rule[] } | null;
};

export function evaluateScorecard(service: ScorecardInput, now = new Date()): Scorecard {
  const results = RULES.map((rule) => ({ rule, outcome: rule.check(service, now) }));
  let level: ScorecardLevel = "none";
  let nextLevel: Scorecard["nextLevel"] = null;
  for (const candidate of ORDER) {
    const failing = results
      .filter((r) => r.rule.level === candidate && r.outcome === "fail")
      .map((r) => r.rule);
    if (failing.length) {
      nextLevel = { level: candidate, failing };
      break;
    }
    level = candidate;
  }
  const applicable = results.filter((r) => r.outcome === "pass" || r.outcome === "fail");
  return {
    level,
    results,
    passed: applicable.filter((r) => r.outcome === "pass").length,
    applicable: applicable.length,
    unmeasured: results.filter(
      (r) => r.outcome === "unmeasured" && LEVEL_RANK[r.rule.level] <= LEVEL_RANK[level],
    ).length,
    nextLevel,
  };
}

/**
 * A scorecard as the service page's client card takes it: rules by id (the card reads their
 * words from RULES), so the page does not send every rule's title and fix in its payload.
 */
export type ScorecardView = Omit<Scorecard, "results" | "nextLevel"> & {
  outcomes: Record<string, RuleOutcome>;
  nextLevel: { level: Exclude<ScorecardLevel, "none">; failing: string[] } | null;
};

export function scorecardView({ results, nextLevel, ...card }: Scorecard): ScorecardView {
  return {
    ...card,
    outcomes: Object.fromEntries(results.map((r) => [r.rule.id, r.outcome])),
    nextLevel: nextLevel && { level: nextLevel.level, failing: nextLevel.failing.map((r) => r.id) },
  };
}
