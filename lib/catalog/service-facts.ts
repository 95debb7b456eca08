import type { Service, Team } from "@/db/schema";
import { dateTime, relativeTime } from "@/lib/format";

type Owner = { name: string; email: string; memberRole: string };

/**
 * The service page's overview card as it is shown, every value already in words: the card
 * (components/catalog/service-facts.tsx) is a client component, so the page sends these
 * few strings instead of the whole service row or the card's markup in its RSC payload.
 */
export type ServiceFactsView = {
  description: string;
  tags: string[];
  team: { slug: string; name: string } | null;
  onCall: string | null;
  repoUrl: string | null;
  runbookUrl: string | null;
  /** "payments · finance", or null when no system is set. */
  system: string | null;
  /** "30 min / 5 min", or null when neither is set. */
  rtoRpo: string | null;
  /** "2026-01-10 (11 months ago)", or null when never tested. */
  lastDrTest: string | null;
  /** "18 days ago" or "never". */
  verified: string;
  owners: Owner[];
};

export function serviceFactsView(
  service: Service,
  team: Team | null,
  owners: Owner[],
  now = new Date(),
): ServiceFactsView {
  return {
    description: service.description,
    tags: service.tags,
    team: team && { slug: team.slug, name: team.name },
    onCall: service.onCall,
    repoUrl: service.repoUrl,
    runbookUrl: service.runbookUrl,
    system: service.system
      ? `${service.system}${service.businessDomain ? ` · ${service.businessDomain}` : ""}`
      : null,
    rtoRpo:
      service.rtoMinutes !== null || service.rpoMinutes !== null
        ? `${minutes(service.rtoMinutes)} / ${minutes(service.rpoMinutes)}`
        : null,
    lastDrTest: service.lastDrTestAt
      ? `${dateTime(service.lastDrTestAt).slice(0, 10)} (${relativeTime(service.lastDrTestAt, now)})`
      : null,
    verified: service.verifiedAt ? relativeTime(service.verifiedAt, now) : "never",
    owners: owners.map(({ name, email, memberRole }) => ({ name, email, memberRole })),
  };
}

function minutes(m: number | null) {
  if (m === null) return "—";
  return m >= 60 && m % 60 === 0 ? `${m / 60} h` : `${m} min`;
}
