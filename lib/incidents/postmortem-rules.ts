import type { PostmortemSection, PostmortemStatus, Severity } from "@/db/schema/incidents";
import { businessDaysAfter, isoDay } from "./business-days";
import { isMajor } from "./lifecycle";

/** The sections' headings, in the template's order (POSTMORTEM_SECTIONS). */
export const SECTION_LABELS: Record<PostmortemSection, string> = {
  summary: "Summary",
  impact: "Impact",
  rootCauses: "Root causes",
  trigger: "Trigger",
  resolution: "Resolution",
  detection: "Detection",
  wentWell: "What went well",
  wentWrong: "What went wrong",
  lucky: "Where we got lucky",
};

/** Working days a sev1/sev2 postmortem is due in, counted from the resolution (else the declaration). */
export const POSTMORTEM_DUE_BUSINESS_DAYS = 5;

/** Review is a loop: a postmortem in review can go back to draft for rework; a published one is final. */
export const POSTMORTEM_MOVES: Record<PostmortemStatus, readonly PostmortemStatus[]> = {
  draft: ["in_review"],
  in_review: ["draft", "published"],
  published: [],
};

export const canMovePostmortem = (from: PostmortemStatus, to: PostmortemStatus) =>
  POSTMORTEM_MOVES[from].includes(to);

/**
 * What a postmortem needs before anyone reviews it (and still needs while in review and at
 * publishing): someone to review it, and the two sections a reader cannot do without.
 */
export function reviewReadiness(pm: { summary: string; rootCauses: string; reviewers: number }) {
  const errors: Record<string, string> = {};
  if (!pm.reviewers) errors.reviewers = "Name at least one reviewer.";
  if (!pm.summary.trim()) errors.summary = "Write the summary before review.";
  if (!pm.rootCauses.trim()) errors.rootCauses = "Write the root causes before review.";
  return errors;
}

/** Why a postmortem cannot be published yet, or null: every named reviewer must have approved. */
export function publishBlocker(reviewers: { name: string; approvedAt: Date | null }[]): string | null {
  const waiting = reviewers.filter((r) => !r.approvedAt).map((r) => r.name);
  if (!waiting.length) return null;
  return `Waiting for ${waiting.length === 1 ? "the approval" : "approvals"} of ${waiting.join(", ")}; publish once every reviewer has approved.`;
}

/** The default due day: sev1/sev2 only, five working days after resolution (else declaration). */
export function defaultDueOn(incident: { severity: Severity; resolvedAt: Date | null; declaredAt: Date }) {
  if (!isMajor(incident.severity)) return null;
  return isoDay(businessDaysAfter(incident.resolvedAt ?? incident.declaredAt, POSTMORTEM_DUE_BUSINESS_DAYS));
}

/** "2 d 3 h", "1 h 5 min", "45 min", "under a minute". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "under a minute";
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d) return h ? `${d} d ${h} h` : `${d} d`;
  if (h) return m ? `${h} h ${m} min` : `${h} h`;
  return `${m} min`;
}

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/**
 * A first line for the Impact section from what the incident recorded: which services, and
 * for how long. The author replaces or extends it; nothing else is prefilled, because the
 * other sections are judgement a template cannot supply.
 */
export function impactDraft(incident: { services: string[]; impactStart: Date; resolvedAt: Date | null }) {
  const services = `Affected: ${incident.services.join(", ")}.`;
  if (!incident.resolvedAt) return `${services} Impact began ${utc(incident.impactStart)}; not yet resolved.`;
  const lasted = formatDuration(incident.resolvedAt.getTime() - incident.impactStart.getTime());
  return `${services} Impact lasted ${lasted}, from ${utc(incident.impactStart)} to ${utc(incident.resolvedAt)}.`;
}
