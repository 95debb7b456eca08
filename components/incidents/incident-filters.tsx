import { buttonVariants } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { TIERS } from "@/db/schema/enums";
import { INCIDENT_STATUSES, SEVERITIES } from "@/db/schema/incidents";
import { STATUS_LABELS } from "@/lib/incidents/present";

type Props = { filter: Record<string, string | undefined>; teams: { slug: string; name: string }[] };

const label = "grid gap-1 text-xs font-medium text-muted-foreground";

/** The incident list's filters as a plain GET form: every filter is a URL parameter. */
export function IncidentFilters({ filter, teams }: Props) {
  const filtered = Object.values(filter).some(Boolean);
  return (
    <search className="mb-4">
      <form method="get" action="/incidents" className="flex flex-wrap items-end gap-2">
        <label className={label}>
          Search
          <input
            name="q"
            defaultValue={filter.q ?? ""}
            placeholder="Title or INC-42"
            className="control w-52"
          />
        </label>
        <label className={label}>
          Status
          <select name="status" defaultValue={filter.status ?? ""} className="control">
            <option value="">Any status</option>
            <option value="active">Active (open or mitigated)</option>
            {INCIDENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
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
          Declared from
          <input type="date" name="from" defaultValue={filter.from ?? ""} className="control" />
        </label>
        <label className={label}>
          to
          <input type="date" name="to" defaultValue={filter.to ?? ""} className="control" />
        </label>
        <label className={label}>
          Postmortem
          <select name="postmortem" defaultValue={filter.postmortem ?? ""} className="control">
            <option value="">Either</option>
            <option value="yes">Has one</option>
            <option value="no">Has none</option>
          </select>
        </label>
        <button type="submit" className={buttonVariants({ variant: "outline" })}>
          Filter
        </button>
        {filtered ? (
          <Link href="/incidents" className="btn btn-ghost">
            Clear
          </Link>
        ) : null}
      </form>
    </search>
  );
}
