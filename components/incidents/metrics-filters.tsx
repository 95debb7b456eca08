import { buttonVariants } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { TIERS } from "@/db/schema/enums";
import { SEVERITIES } from "@/db/schema/incidents";

type Filter = {
  service?: string;
  team?: string;
  tier?: string;
  severity?: string;
  by?: string;
  from: string;
  to: string;
};

const label = "grid gap-1 text-xs font-medium text-muted-foreground";
const DAY = 86_400_000;

/** Period, scope and grouping of the metrics, all in the URL; quick links for the usual periods. */
export function MetricsFilters({
  filter,
  teams,
}: {
  filter: Filter;
  teams: { slug: string; name: string }[];
}) {
  const today = new Date().toISOString().slice(0, 10);
  const quick = (days: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({
      ...filter,
      from: new Date(Date.now() - (days - 1) * DAY).toISOString().slice(0, 10),
      to: today,
    }))
      if (v) q.set(k, v);
    return `/incidents/metrics?${q}`;
  };
  return (
    <search className="mb-4 grid gap-2">
      <nav aria-label="Period" className="flex flex-wrap gap-2 text-sm">
        {[30, 90, 365].map((d) => (
          <Link key={d} href={quick(d)} className="btn btn-sm btn-ghost">
            Last {d} days
          </Link>
        ))}
      </nav>
      <form method="get" action="/incidents/metrics" className="flex flex-wrap items-end gap-2">
        <label className={label}>
          From
          <input type="date" name="from" defaultValue={filter.from} className="control" />
        </label>
        <label className={label}>
          To
          <input type="date" name="to" defaultValue={filter.to} className="control" />
        </label>
        <label className={label}>
          Service
          <input
            name="service"
            defaultValue={filter.service ?? ""}
            placeholder="slug"
            className="control w-36"
          />
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
          Tier
          <select name="tier" defaultValue={filter.tier ?? ""} className="control">
            <option value="">All tiers</option>
            {TIERS.map((t) => (
              <option key={t} value={t}>
                {t.replace("tier", "Tier ")}
              </option>
            ))}
          </select>
        </label>
        <label className={label}>
          Severity
          <select name="severity" defaultValue={filter.severity ?? ""} className="control">
            <option value="">Any severity</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <label className={label}>
          Group by
          <select name="by" defaultValue={filter.by ?? "severity"} className="control">
            <option value="severity">Severity</option>
            <option value="tier">Tier</option>
            <option value="team">Team</option>
            <option value="service">Service</option>
          </select>
        </label>
        <button type="submit" className={buttonVariants({ variant: "outline" })}>
          Show
        </button>
      </form>
    </search>
  );
}
