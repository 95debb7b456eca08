import type {
  ActionPriority,
  ActionStatus,
  ActionType,
  PostmortemSection,
  PostmortemStatus,
} from "@/db/schema/incidents";

/*
 * How postmortems and action items read in the UI. Type-only imports keep this module free
 * of the schema's tables, so client forms can use it without shipping them to the browser.
 */

export const POSTMORTEM_STATUS_LABELS: Record<PostmortemStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  published: "Published",
};

/** What each section of the template asks for, after the Google SRE postmortem. */
export const SECTION_HELP: Record<PostmortemSection, string> = {
  summary: "What happened and what it meant, in two or three sentences someone outside the team follows.",
  impact: "Who noticed what, for how long: users, requests, revenue, SLOs and error budget.",
  rootCauses:
    "Why it could happen: conditions in systems and processes, not people. Keep asking why until you reach something you can change.",
  trigger: "What set it off: a deploy, a configuration change, a traffic spike, an expiry.",
  resolution: "What stopped the impact, and what made that take the time it did.",
  detection: "How we found out (an alert, a customer, a colleague) and how long it took.",
  wentWell: "What helped: tooling, runbooks, people, decisions worth repeating.",
  wentWrong: "What made it worse or slower, as conditions to change.",
  lucky: "What saved us this time that we cannot count on next time.",
};

export const ACTION_TYPE_LABELS: Record<ActionType, string> = {
  mitigate: "Mitigate",
  prevent: "Prevent",
  process: "Process",
};

export const ACTION_TYPE_HINTS: Record<ActionType, string> = {
  mitigate: "makes the next one smaller or shorter",
  prevent: "stops it happening again",
  process: "changes how we work",
};

export const ACTION_PRIORITY_LABELS: Record<ActionPriority, string> = {
  p1: "P1 · urgent",
  p2: "P2 · soon",
  p3: "P3 · when possible",
};

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  wont_do: "Won't do",
};

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * "2026-12-04" as "Fri 4 Dec 2026": a due day is a calendar day, read without a time or zone.
 * Spelled out rather than left to Intl, whose punctuation differs between server and browser.
 */
export function dayLabel(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(d.getTime())) return day;
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "due today", "due in 3 days", "2 days late": how far a due day is from today (UTC). */
export function dueWords(day: string, now = new Date()): string {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const days = Math.round((Date.parse(`${day}T00:00:00Z`) - today) / 86_400_000);
  if (Number.isNaN(days)) return "";
  if (days === 0) return "due today";
  if (days === 1) return "due tomorrow";
  if (days > 1) return `due in ${days} days`;
  return days === -1 ? "1 day late" : `${-days} days late`;
}
