import { formatDistanceToNowStrict } from "date-fns";

export function relativeTime(date: Date | string | null | undefined, now = new Date()): string {
  if (!date) return "never";
  const d = typeof date === "string" ? new Date(date) : date;
  const past = d.getTime() <= now.getTime();
  const distance = formatDistanceToNowStrict(d);
  return past ? `${distance} ago` : `in ${distance}`;
}

/** UTC timestamps as people read them; the audit log wants seconds. */
export function dateTime(date: Date | string | null | undefined): string {
  if (!date) return "—";
  const d = typeof date === "string" ? new Date(date) : date;
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
