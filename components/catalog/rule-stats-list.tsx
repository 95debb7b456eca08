import Link from "@/components/ui/link";
import type { RuleCounts } from "@/lib/catalog/rule-stats";
import { plural } from "@/lib/plural";

/**
 * Every rule with how many live services pass it and fail it (the failing number opens the
 * services behind it), how many it does not apply to, and how many it cannot judge yet.
 */
export function RuleStatsList({ rules }: { rules: RuleCounts[] }) {
  return (
    <ul className="divide-y text-sm">
      {rules.map((r) => (
        <li
          key={r.rule.id}
          className="grid gap-1 px-4 py-3 md:grid-cols-[4.5rem_minmax(0,1fr)_minmax(0,18rem)] md:gap-3"
          data-testid={`rule-stats-${r.rule.id}`}
        >
          <span className="text-xs uppercase text-muted-foreground md:pt-0.5">{r.rule.level}</span>
          <span className="min-w-0">
            <span className="block font-medium">{r.rule.title}</span>
            <span className="block text-muted-foreground">{r.rule.fix}</span>
          </span>
          <span className="flex flex-wrap items-start gap-x-3 gap-y-1 text-xs md:justify-end md:pt-0.5">
            {r.unmeasured ? (
              <span className="whitespace-nowrap text-at-risk-fg">
                Not measured for {plural(r.unmeasured, { one: "service", other: "services" })}
              </span>
            ) : null}
            {r.pass || r.fail ? (
              <span className="whitespace-nowrap text-healthy-fg">{r.pass} pass</span>
            ) : null}
            {r.fail ? (
              <Link
                href={`/scorecards/rules/${r.rule.id}`}
                className="whitespace-nowrap font-medium text-breaching-fg underline"
                data-testid={`rule-failing-${r.rule.id}`}
              >
                {r.fail} fail
              </Link>
            ) : r.pass ? (
              <span className="whitespace-nowrap text-muted-foreground">0 fail</span>
            ) : null}
            {r["n/a"] ? (
              <span className="whitespace-nowrap text-muted-foreground">{r["n/a"]} not applicable</span>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
