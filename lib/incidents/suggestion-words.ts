import type { SuggestionKind } from "@/db/schema/incidents";
import { plural } from "@/lib/plural";

const DAY = 86_400_000;

type Suggested = {
  kind: SuggestionKind;
  cause: string | null;
  service: { slug: string };
  incidents: { declaredAt: string }[];
};

/**
 * Why Pharos proposes this problem, in one sentence a responder can check at a glance:
 * how many incidents, on which service, over how long, and what they share.
 */
export function suggestionReason(s: Suggested): string {
  const times = s.incidents.map((i) => Date.parse(i.declaredAt)).filter(Number.isFinite);
  const span = times.length > 1 ? Math.max(1, Math.ceil((Math.max(...times) - Math.min(...times)) / DAY)) : 1;
  const head = `${plural(s.incidents.length, { one: "incident", other: "incidents" })} on ${s.service.slug}`;
  const within = `within ${plural(span, { one: "day", other: "days" })}`;
  return s.kind === "same_cause" && s.cause
    ? `${head} ${within}, same cause: ${s.cause}`
    : `${head} with similar titles ${within}`;
}
