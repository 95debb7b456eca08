"use client";

import { useQuery } from "@tanstack/react-query";
import { Icon } from "@/components/ui/icon";
import Link from "@/components/ui/link";
import { majorIncidentsAction } from "@/lib/incidents/actions";
import { reference } from "@/lib/incidents/present";
import type { MajorIncident } from "@/lib/incidents/queries";

/** How often an open tab asks; failures back off from here to MAX_INTERVAL_MS. */
export const POLL_INTERVAL_MS = 15_000;
const MAX_INTERVAL_MS = 5 * 60_000;

/** The poll interval after `failures` failed polls in a row: doubling, capped. */
export function pollInterval(failures: number): number {
  return Math.min(MAX_INTERVAL_MS, POLL_INTERVAL_MS * 2 ** Math.max(0, failures));
}

/**
 * The banner across every page while a sev1 or sev2 is open or mitigated. It polls without a
 * reload, backs off while the server is unreachable, and pauses while the tab is hidden
 * (react-query stops interval refetches in the background and refetches on focus).
 */
export function MajorIncidentBanner({ initial }: { initial: MajorIncident[] }) {
  const { data } = useQuery({
    queryKey: ["major-incidents"],
    queryFn: async () => (await majorIncidentsAction()) ?? [],
    initialData: initial,
    initialDataUpdatedAt: Date.now(),
    retry: false,
    refetchInterval: (query) => pollInterval(query.state.fetchFailureCount),
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
  });
  const items = data ?? [];
  if (!items.length) return null;
  const [first, ...rest] = items;
  return (
    <div className="major-banner" role="status" aria-live="polite" data-testid="major-incident-banner">
      <Icon name="i-siren" className="text-sev1" />
      <span className={`badge sev sev-${first.severity}`}>{first.severity.toUpperCase()}</span>
      <Link href={`/incidents/${first.id}`}>
        <span className="inc-ref">{reference(first.number)}</span>
        {first.title}
      </Link>
      <span>
        {first.status === "mitigated" ? "mitigated" : "open"} · {first.services.join(", ")}
      </span>
      {rest.length ? (
        <Link href="/incidents?status=active" className="major-more">
          +{rest.length} more major incident{rest.length > 1 ? "s" : ""}
        </Link>
      ) : null}
    </div>
  );
}
