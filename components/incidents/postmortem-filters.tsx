import { buttonVariants } from "@/components/ui/button";
import Link from "@/components/ui/link";
import type { PostmortemStatus } from "@/db/schema/incidents";
import { POSTMORTEM_STATUS_LABELS } from "@/lib/incidents/postmortem-present";

const label = "grid gap-1 text-xs font-medium text-muted-foreground";

/** The postmortem list's filters as a plain GET form, so a view (say, what is late) can be shared. */
export function PostmortemFilters({ filter }: { filter: { status?: PostmortemStatus; overdue: boolean } }) {
  const filtered = Boolean(filter.status || filter.overdue);
  return (
    <search className="mb-4">
      <form method="get" action="/incidents/postmortems" className="flex flex-wrap items-end gap-3">
        <label className={label}>
          Status
          <select name="status" defaultValue={filter.status ?? ""} className="control">
            <option value="">Any status</option>
            {Object.entries(POSTMORTEM_STATUS_LABELS).map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </label>
        <label className="flex h-9 items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="overdue"
            value="1"
            defaultChecked={filter.overdue}
            className="size-4 accent-primary"
          />
          Overdue only
        </label>
        <button type="submit" className={buttonVariants({ variant: "outline" })}>
          Filter
        </button>
        {filtered ? (
          <Link href="/incidents/postmortems" className="btn btn-ghost">
            Clear
          </Link>
        ) : null}
      </form>
    </search>
  );
}
