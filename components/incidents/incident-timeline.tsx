import Link from "@/components/ui/link";
import type { IncidentDetail } from "@/lib/incidents/detail";

const time = (iso: string) => `${iso.slice(11, 16)} UTC`;
const day = (iso: string) => iso.slice(0, 10);

/** The timeline, oldest first, grouped by day; back-filled entries say when they were written down. */
export function IncidentTimeline({ events }: { events: IncidentDetail["timeline"] }) {
  if (!events.length) return <p className="text-sm text-muted-foreground">Nothing on the timeline yet.</p>;
  return (
    <ol className="timeline" data-testid="timeline">
      {events.map((e, i) => {
        const url = typeof e.data.url === "string" ? e.data.url : null;
        const backfilled = Date.parse(e.recordedAt) - Date.parse(e.occurredAt) > 5 * 60_000;
        const newDay = i === 0 || day(events[i - 1].occurredAt) !== day(e.occurredAt);
        return (
          <li key={e.id} className={`kind-${e.kind}`} data-kind={e.kind}>
            {newDay ? (
              <p className="mb-1 text-xs font-semibold text-muted-foreground">{day(e.occurredAt)}</p>
            ) : null}
            <p className="text-sm">
              <time dateTime={e.occurredAt} className="mr-2 font-mono text-xs text-muted-foreground">
                {time(e.occurredAt)}
              </time>
              <span className="whitespace-pre-wrap">{e.body}</span>
            </p>
            {url?.startsWith("/") ? (
              // A page of Pharos (the published postmortem): named, and opened in place.
              <Link href={url} className="text-xs text-primary underline">
                Open it
              </Link>
            ) : url ? (
              <a
                href={url}
                className="text-xs text-primary underline break-all"
                rel="noreferrer noopener"
                target="_blank"
              >
                {url}
              </a>
            ) : null}
            <p className="text-xs text-muted-foreground">
              {e.author}
              {backfilled ? ` · written down ${day(e.recordedAt)} ${time(e.recordedAt)}` : ""}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
