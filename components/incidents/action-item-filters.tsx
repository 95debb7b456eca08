import { buttonVariants } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import Link from "@/components/ui/link";
import type { ActionStatus } from "@/db/schema/incidents";
import { ACTION_STATUS_LABELS } from "@/lib/incidents/postmortem-present";

export type ActionItemFilter = {
  owner?: "me";
  overdue: boolean;
  team?: string;
  service?: string;
  status?: ActionStatus | "active";
};

const label = "grid gap-1 text-xs font-medium text-muted-foreground";
const check = "flex h-9 items-center gap-2 text-sm";

/**
 * The action items' filters as a plain GET form: mine, overdue, team and status live in the
 * URL. A service filter (a scorecard's fix link arrives with one) shows as a chip to remove.
 */
export function ActionItemFilters({
  filter,
  teams,
  withoutService,
}: {
  filter: ActionItemFilter;
  teams: { slug: string; name: string }[];
  withoutService: string;
}) {
  const filtered = Boolean(filter.owner || filter.overdue || filter.team || filter.service || filter.status);
  return (
    <search className="mb-4">
      <form method="get" action="/action-items" className="flex flex-wrap items-end gap-3">
        {filter.service ? <input type="hidden" name="service" value={filter.service} /> : null}
        <label className={check}>
          <input
            type="checkbox"
            name="owner"
            value="me"
            defaultChecked={filter.owner === "me"}
            className="size-4 accent-primary"
          />
          Mine
        </label>
        <label className={check}>
          <input
            type="checkbox"
            name="overdue"
            value="1"
            defaultChecked={filter.overdue}
            className="size-4 accent-primary"
          />
          Overdue
        </label>
        <label className={label}>
          Team
          <select name="team" defaultValue={filter.team ?? ""} className="control">
            <option value="">All teams</option>
            {teams.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label className={label}>
          Status
          <select name="status" defaultValue={filter.status ?? ""} className="control">
            <option value="">Any status</option>
            <option value="active">Open or in progress</option>
            {Object.entries(ACTION_STATUS_LABELS).map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonVariants({ variant: "outline" })}>
          Filter
        </button>
        {filtered ? (
          <Link href="/action-items" className="btn btn-ghost">
            Clear
          </Link>
        ) : null}
      </form>
      {filter.service ? (
        <p className="mt-3 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-muted-foreground">Service</span>
          <Link
            href={withoutService}
            className="badge badge-primary hover:underline"
            aria-label={`Remove the service filter ${filter.service}`}
          >
            {filter.service}
            <Icon name="i-x" className="size-3" />
          </Link>
        </p>
      ) : null}
    </search>
  );
}
