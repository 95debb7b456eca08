import { buttonVariants } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { PROBLEM_STATES } from "@/db/schema/incidents";
import { PROBLEM_STATE_LABELS } from "@/lib/incidents/problem-states";

type Props = {
  filter: Record<string, string | undefined>;
  services: { slug: string; name: string }[];
};

const label = "grid gap-1 text-xs font-medium text-muted-foreground";

/** The problem list's filters as a plain GET form: every filter is a URL parameter. */
export function ProblemFilters({ filter, services }: Props) {
  const filtered = Boolean(filter.state || filter.service || filter.q);
  return (
    <search className="mb-4">
      <form method="get" action="/problems" className="flex flex-wrap items-end gap-2">
        <label className={label}>
          Search
          <input
            name="q"
            defaultValue={filter.q ?? ""}
            placeholder="Title or PRB-7"
            className="control w-52"
          />
        </label>
        <label className={label}>
          State
          <select name="state" defaultValue={filter.state ?? ""} className="control">
            <option value="">Any state</option>
            <option value="open">Open (not resolved or accepted)</option>
            {PROBLEM_STATES.map((s) => (
              <option key={s} value={s}>
                {PROBLEM_STATE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className={label}>
          Service
          <select name="service" defaultValue={filter.service ?? ""} className="control max-w-56">
            <option value="">All services</option>
            {services.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonVariants({ variant: "outline" })}>
          Filter
        </button>
        {filtered ? (
          <Link href="/problems" className="btn btn-ghost">
            Clear
          </Link>
        ) : null}
      </form>
    </search>
  );
}
