import Link from "@/components/ui/link";
import { reference } from "@/lib/incidents/present";
import type { SuggestionRow } from "@/lib/incidents/problem-queries";
import { suggestionReason } from "@/lib/incidents/suggestion-words";
import { SuggestionActions } from "./suggestion-actions";

/** One pattern Pharos found: why, in words; the incidents it is made of; and what an engineer may do. */
export function SuggestionItem({
  suggestion: s,
  mayManage,
}: {
  suggestion: SuggestionRow;
  mayManage: boolean;
}) {
  // Repeats often carry one title: say it once rather than on every incident.
  const titles = new Set(s.incidents.map((i) => i.title));
  const common = titles.size === 1 ? s.incidents[0]?.title : null;
  return (
    <li
      className="grid grid-cols-1 gap-x-4 gap-y-2 px-4 py-3 md:grid-cols-[minmax(0,1fr)_auto] md:items-start"
      data-testid="suggestion"
      data-kind={s.kind}
    >
      <div className="grid min-w-0 gap-1.5">
        <p className="font-medium" data-testid="suggestion-reason">
          {suggestionReason(s)}
        </p>
        {common ? <p className="text-xs text-muted-foreground">Each titled “{common}”</p> : null}
        <ul className="flex flex-wrap gap-1.5" aria-label="Its incidents">
          {s.incidents.map((i) => (
            <li key={i.id} className="min-w-0 max-w-full">
              <Link href={`/incidents/${i.id}`} className="badge max-w-full hover:underline" title={i.title}>
                <span className="font-mono">{reference(i.number)}</span>
                {common ? null : <span className="truncate font-normal">{i.title}</span>}
                <time dateTime={i.declaredAt} className="font-normal text-muted-foreground">
                  {i.declaredAt.slice(0, 10)}
                </time>
              </Link>
            </li>
          ))}
        </ul>
      </div>
      {mayManage ? <SuggestionActions id={s.id} title={s.title} /> : null}
    </li>
  );
}
