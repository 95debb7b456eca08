import { TierBadge } from "@/components/catalog/tier-badge";
import Link from "@/components/ui/link";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { percent, windowLabel } from "@/lib/slo/definition";
import { pct } from "@/lib/slo/present";
import type { SloSummary } from "@/lib/slo/queries";
import { BudgetBar } from "./budget-bar";
import { StateBadge } from "./state-badge";

/** SLOs with their state, SLI against target and budget left; `service` false on a service's own page. */
export function SloTable({ items, service = true }: { items: SloSummary[]; service?: boolean }) {
  return (
    <Table>
      <THead>
        <tr>
          <TH>SLO</TH>
          {service ? <TH>Service</TH> : null}
          <TH>State</TH>
          <TH className="text-right">SLI</TH>
          <TH className="text-right">Target</TH>
          <TH>Budget left</TH>
          <TH>Window</TH>
        </tr>
      </THead>
      <tbody>
        {items.map((s) => (
          <TR key={s.id} data-testid={`slo-row-${s.id}`}>
            <TD className="max-w-72">
              <Link href={`/slos/${s.id}`} className="font-medium hover:underline">
                {s.name}
              </Link>
              <span className="block text-xs text-muted-foreground">
                {s.definition.sliKind === "latency"
                  ? `Latency under ${s.definition.latencyThresholdMs} ms`
                  : "Availability"}
                {s.definition.budgeting.method === "timeslices" ? " · timeslices" : ""}
              </span>
            </TD>
            {service ? (
              <TD>
                <span className="flex flex-wrap items-center gap-1.5">
                  <Link href={`/services/${s.service.slug}`} className="hover:underline">
                    {s.service.name}
                  </Link>
                  <TierBadge tier={s.service.tier} />
                </span>
                {s.team ? <span className="block text-xs text-muted-foreground">{s.team.name}</span> : null}
              </TD>
            ) : null}
            <TD>
              <StateBadge state={s.status.state} />
            </TD>
            <TD className="text-right tabular-nums">{pct(s.status.sli, 3)}</TD>
            <TD className="text-right tabular-nums">{percent(s.definition.target)}</TD>
            <TD>
              <BudgetBar remaining={s.status.budgetRemaining} state={s.status.state} />
            </TD>
            <TD className="whitespace-nowrap text-xs text-muted-foreground">
              {windowLabel(s.definition.window)}
            </TD>
          </TR>
        ))}
      </tbody>
    </Table>
  );
}
