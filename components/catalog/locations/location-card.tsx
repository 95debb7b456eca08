import { ImportPlanTable } from "@/components/catalog/import-plan-table";
import { Icon } from "@/components/ui/icon";
import type { LocationJson } from "@/lib/catalog/locations/json";
import { dateTime, relativeTime } from "@/lib/format";
import { HeldRefresh } from "./held-refresh";
import { LocationButtons } from "./location-buttons";
import { LocationResultBadge } from "./location-result";

const COUNTED = ["create", "update", "unchanged", "skipped", "error"] as const;

function countsLine(counts: Record<string, number> | null) {
  if (!counts) return null;
  const parts = COUNTED.filter((k) => counts[k]).map(
    (k) => `${counts[k]} ${k === "create" ? "created" : k === "update" ? "updated" : k}`,
  );
  return parts.length ? parts.join(" · ") : null;
}

/** One location: where it reads from, how its last refresh went, and what to do about it. */
export function LocationCard({
  location,
  mayImport,
  mayRemove,
}: {
  location: LocationJson;
  mayImport: boolean;
  mayRemove: boolean;
}) {
  const counts = location.lastResult === "held" ? null : countsLine(location.counts);
  return (
    <li
      className="grid grid-cols-[minmax(0,1fr)] gap-3 px-4 py-3"
      data-testid="location"
      data-url={location.url}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="grid min-w-0 gap-1">
          <p className="break-all font-mono text-xs sm:text-sm">{location.url}</p>
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
            {location.headerName ? (
              <span className="inline-flex items-center gap-1" data-testid="location-header">
                <Icon name="i-key-round" className="size-3" />
                {location.headerName}: set
              </span>
            ) : null}
            {location.registeredBy ? <span>Registered by {location.registeredBy}</span> : null}
          </p>
        </div>
        {mayImport ? <LocationButtons id={location.id} mayRemove={mayRemove} /> : null}
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <LocationResultBadge result={location.lastResult} />
        {location.lastResultAt ? (
          <time
            dateTime={location.lastResultAt}
            title={dateTime(location.lastResultAt)}
            className="text-muted-foreground"
            data-testid="location-time"
          >
            {relativeTime(location.lastResultAt)}
          </time>
        ) : (
          <span className="text-muted-foreground">Refreshed within a minute of registering</span>
        )}
        {counts ? <span className="text-muted-foreground">{counts}</span> : null}
      </div>
      {location.lastError ? (
        <p className="break-words text-sm text-breaching-fg" data-testid="location-error">
          {location.lastError}
        </p>
      ) : null}
      {location.lastResult === "held" && location.plan && location.heldHash ? (
        mayImport ? (
          <HeldRefresh id={location.id} heldHash={location.heldHash} plan={location.plan} />
        ) : (
          <p className="text-sm text-muted-foreground">
            This refresh removes data, so it waits for an engineer to review and apply it.
          </p>
        )
      ) : null}
      {location.lastResult === "failed" && location.plan ? (
        <div className="rounded-md border" data-testid="failed-plan">
          <ImportPlanTable rows={location.plan.rows} limit={50} />
        </div>
      ) : null}
    </li>
  );
}
