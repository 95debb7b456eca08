import type { Metadata } from "next";
import { TierBadge } from "@/components/catalog/tier-badge";
import { Forbidden } from "@/components/shell/forbidden";
import { AdjustmentForm } from "@/components/slo/adjustment-form";
import { SloChart } from "@/components/slo/slo-chart-panel";
import { StateBadge } from "@/components/slo/state-badge";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { FlashMessage } from "@/components/ui/flash-message";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { pageQuery } from "@/lib/query/page";
import { removeAdjustmentAction } from "@/lib/slo/actions";
import { percent, windowLabel } from "@/lib/slo/definition";
import { sloPageRead } from "@/lib/slo/page-reads";
import { duration, pct, RULE_LABELS, times } from "@/lib/slo/present";

export const metadata: Metadata = { title: "SLO" };

const utc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

export default async function SloPage({ params, searchParams }: PageProps<"/slos/[id]">) {
  const read = await pageQuery(sloPageRead, { id: (await params).id });
  if (!read.ok) return <Forbidden what="SLOs" />;
  const { slo, series, mayEdit } = read.data;
  const flags = await searchParams;
  const s = slo.status;
  const d = slo.definition;
  const frozen = s.budgetRemaining !== null && s.budgetRemaining <= 0;
  return (
    <>
      <PageHeader
        title={slo.name}
        description={
          <>
            <Link href={`/services/${slo.service.slug}`} className="text-primary underline">
              {slo.service.name}
            </Link>{" "}
            <TierBadge tier={slo.service.tier} />
            {slo.team ? ` · ${slo.team.name}` : ""} · {percent(d.target)} over a{" "}
            {windowLabel(d.window).toLowerCase()} window ·{" "}
            {d.sliKind === "latency" ? `requests under ${d.latencyThresholdMs} ms` : "good / total events"}
            {d.budgeting.method === "timeslices"
              ? `, ${d.budgeting.sliceMinutes}-minute slices at ${percent(d.budgeting.sliceTarget)}`
              : ""}
          </>
        }
        actions={
          <>
            <a
              href={`/slos/${slo.id}/openslo.yaml`}
              download
              className={buttonVariants({ variant: "outline" })}
            >
              OpenSLO YAML
            </a>
            {mayEdit ? (
              <Link href={`/slos/${slo.id}/edit`} className={buttonVariants({ variant: "outline" })}>
                Edit definition
              </Link>
            ) : null}
          </>
        }
      />
      {flags.created ? (
        <FlashMessage param="created" message="SLO defined. Push measurements to see its status." />
      ) : null}
      {flags.saved ? (
        <FlashMessage param="saved" message="Saved as a new version; status recomputed from the counts." />
      ) : null}
      {slo.description ? <p className="mb-4 max-w-3xl text-sm">{slo.description}</p> : null}
      {frozen ? (
        <p
          className="mb-4 rounded-md border border-breaching/40 bg-breaching/10 px-4 py-3 text-sm"
          data-testid="budget-freeze"
        >
          <strong>Budget freeze.</strong> This SLO has spent its error budget, so {slo.service.name} is in
          budget freeze: normal changes to it need a change manager's override with a reason; standard changes
          are treated as normal.
        </p>
      ) : null}
      <section aria-label="Status" className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Card className="grid gap-1 p-4">
          <span className="text-xs text-muted-foreground">State</span>
          <StateBadge state={s.state} className="w-fit" />
          <span className="text-xs text-muted-foreground">{utc(s.window.start)} → now</span>
        </Card>
        <Card className="grid gap-1 p-4">
          <span className="text-xs text-muted-foreground">SLI</span>
          <span className="text-2xl font-semibold tabular-nums" data-testid="slo-sli">
            {pct(s.sli, 3)}
          </span>
          <span className="text-xs text-muted-foreground">
            target {percent(d.target)} ·{" "}
            {d.budgeting.method === "timeslices" && s.slices
              ? `${s.slices.good.toLocaleString("en")} of ${s.slices.total.toLocaleString("en")} slices good`
              : `${s.total.toLocaleString("en")} events`}
          </span>
        </Card>
        <Card className="grid gap-1 p-4">
          <span className="text-xs text-muted-foreground">Error budget left</span>
          <span className="text-2xl font-semibold tabular-nums" data-testid="slo-budget">
            {pct(s.budgetRemaining, 1)}
          </span>
          <span className="text-xs text-muted-foreground">
            {s.budgetMinutesRemaining === null
              ? "no traffic in the last hour"
              : `≈ ${Math.round(s.budgetMinutesRemaining).toLocaleString("en")} min of total failure at current traffic`}
          </span>
        </Card>
        <Card className="grid gap-1 p-4">
          <span className="text-xs text-muted-foreground">Burn rate (1 hour)</span>
          <span className="text-2xl font-semibold tabular-nums">{times(s.burnRates?.["1h"])}</span>
          <span className="text-xs text-muted-foreground">
            {s.timeToExhaustionMs === 0
              ? "budget already spent"
              : s.state === "no_data" || s.burnRates?.["1h"] === null
                ? "no traffic in the last hour"
                : s.timeToExhaustionMs === null
                  ? "not burning"
                  : `spent in ${duration(s.timeToExhaustionMs)} at this rate`}
          </span>
        </Card>
      </section>

      <div className="mb-6 grid gap-6 xl:grid-cols-2">
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>Attainment over the window</CardTitle>
          </CardHeader>
          <div className="p-4">
            <SloChart
              kind="attainment"
              series={series}
              label="The window's SLI at the end of each day, against the target"
            />
          </div>
        </Card>
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>Error budget left</CardTitle>
          </CardHeader>
          <div className="p-4">
            <SloChart kind="budget" series={series} label="Error budget remaining at the end of each day" />
          </div>
        </Card>
        <Card className="min-w-0 xl:col-span-2">
          <CardHeader>
            <CardTitle>Burn rate, last 3 days</CardTitle>
            <span className="text-xs text-muted-foreground">Shaded: excluded by an adjustment</span>
          </CardHeader>
          <div className="p-4">
            <SloChart
              kind="burn"
              series={series}
              label="Hourly burn rates over 1 and 6 hours, with the paging thresholds"
            />
          </div>
        </Card>
      </div>

      <details className="card mb-6">
        <summary className="cursor-pointer px-4 py-3 text-sm font-medium">
          The charts as a table (UTC days)
        </summary>
        <Table>
          <THead>
            <tr>
              <TH>Day</TH>
              <TH className="text-right">That day's SLI</TH>
              <TH className="text-right">Window SLI</TH>
              <TH className="text-right">Budget left</TH>
            </tr>
          </THead>
          <tbody>
            {series.days.map((row) => (
              <TR key={row.day}>
                <TD>{row.day.slice(0, 10)}</TD>
                <TD className="text-right tabular-nums">{pct(row.sli, 3)}</TD>
                <TD className="text-right tabular-nums">{pct(row.windowSli, 3)}</TD>
                <TD className="text-right tabular-nums">{pct(row.budgetRemaining, 1)}</TD>
              </TR>
            ))}
          </tbody>
        </Table>
      </details>
      <details className="card mb-6">
        <summary className="cursor-pointer px-4 py-3 text-sm font-medium">
          The burn rates as a table (UTC hours)
        </summary>
        <Table>
          <THead>
            <tr>
              <TH>Hour</TH>
              <TH className="text-right">1 hour</TH>
              <TH className="text-right">6 hours</TH>
            </tr>
          </THead>
          <tbody>
            {series.hours.map((row) => (
              <TR key={row.hour}>
                <TD>{utc(row.hour)}</TD>
                <TD className="text-right tabular-nums">{times(row.burn1h)}</TD>
                <TD className="text-right tabular-nums">{times(row.burn6h)}</TD>
              </TR>
            ))}
          </tbody>
        </Table>
      </details>

      <div className="mb-6 grid gap-6">
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>Burn-rate rules now</CardTitle>
          </CardHeader>
          <Table>
            <THead>
              <tr>
                <TH>Rule</TH>
                <TH className="text-right">Long</TH>
                <TH className="text-right">Short</TH>
                <TH className="text-right">Over</TH>
                <TH>Now</TH>
              </tr>
            </THead>
            <tbody>
              {(s.alerts ?? []).map((a) => (
                <TR key={a.rule} data-testid={`rule-${a.rule}`}>
                  <TD>{RULE_LABELS[a.rule]}</TD>
                  <TD className="text-right tabular-nums">
                    {times(a.long.burnRate)}{" "}
                    <span className="text-xs text-muted-foreground">{a.long.window}</span>
                  </TD>
                  <TD className="text-right tabular-nums">
                    {times(a.short.burnRate)}{" "}
                    <span className="text-xs text-muted-foreground">{a.short.window}</span>
                  </TD>
                  <TD className="text-right tabular-nums">{a.threshold.toFixed(2)}×</TD>
                  <TD>
                    {a.firing ? (
                      <Badge tone="danger">Firing</Badge>
                    ) : a.guarded ? (
                      <span
                        className="text-xs text-muted-foreground"
                        title={`Fewer than ${d.minEvents} events in a window`}
                      >
                        Too few events
                      </span>
                    ) : (
                      <span className="text-xs text-muted-foreground">Quiet</span>
                    )}
                  </TD>
                </TR>
              ))}
            </tbody>
          </Table>
          <p className="px-4 py-2 text-xs text-muted-foreground">
            A rule fires when both its windows burn faster than its threshold (scaled to this{" "}
            {s.window.lengthDays.toFixed(0)}-day window) and each holds at least{" "}
            {d.minEvents.toLocaleString("en")} events.
          </p>
        </Card>
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>Alert history</CardTitle>
          </CardHeader>
          {slo.alerts.length ? (
            <Table>
              <THead>
                <tr>
                  <TH>Rule</TH>
                  <TH>Fired</TH>
                  <TH>Resolved</TH>
                  <TH className="text-right">Burn (long / short)</TH>
                </tr>
              </THead>
              <tbody>
                {slo.alerts.map((a) => {
                  const n = a.numbers as {
                    long?: { burnRate: number };
                    short?: { burnRate: number };
                    threshold?: number;
                  };
                  return (
                    <TR key={a.id} data-testid="alert-row">
                      <TD>
                        <Badge tone={a.severity === "page" ? "danger" : "warning"}>
                          {a.severity === "page" ? "Page" : "Ticket"}
                        </Badge>{" "}
                        <span className="text-xs">{RULE_LABELS[a.rule] ?? a.rule}</span>
                      </TD>
                      <TD className="whitespace-nowrap text-xs">{utc(a.firedAt)}</TD>
                      <TD className="whitespace-nowrap text-xs">
                        {a.resolvedAt ? utc(a.resolvedAt) : <Badge tone="danger">Open</Badge>}
                      </TD>
                      <TD className="text-right text-xs tabular-nums">
                        {times(n.long?.burnRate)} / {times(n.short?.burnRate)} over {n.threshold?.toFixed(1)}×
                      </TD>
                    </TR>
                  );
                })}
              </tbody>
            </Table>
          ) : (
            <p className="px-4 py-6 text-sm text-muted-foreground">No alert has fired for this SLO.</p>
          )}
        </Card>
      </div>

      <div className="grid gap-6 xl:grid-cols-2">
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>Budget adjustments</CardTitle>
          </CardHeader>
          {slo.adjustments.length ? (
            <ul className="divide-y">
              {slo.adjustments.map((a) => (
                <li
                  key={a.id}
                  className="flex flex-wrap items-start justify-between gap-2 px-4 py-3 text-sm"
                  data-testid="adjustment"
                >
                  <span className="min-w-0">
                    <span className="block font-medium">{a.reason}</span>
                    <span className="block text-xs text-muted-foreground">
                      {utc(a.startsAt)} for {a.durationMinutes} min
                      {a.rrule ? `, repeating ${a.rrule}` : ""}
                      {a.scope === "service" ? ` · every SLO of ${slo.service.name}` : ""}
                    </span>
                  </span>
                  {mayEdit ? (
                    <ActionButton
                      action={removeAdjustmentAction}
                      fields={{ id: a.id, sloId: slo.id }}
                      label="Remove"
                      variant="ghost"
                      confirm={{
                        title: "Remove this adjustment?",
                        description:
                          "That time counts against the error budget again, in status, burn rates and charts.",
                      }}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="px-4 py-4 text-sm text-muted-foreground">
              Nothing is excluded. Exclude planned maintenance so it does not spend the budget.
            </p>
          )}
          {mayEdit ? (
            <div className="border-t p-4">
              <AdjustmentForm sloId={slo.id} serviceName={slo.service.name} />
            </div>
          ) : null}
        </Card>
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>Definition history</CardTitle>
          </CardHeader>
          <ol className="divide-y">
            {slo.versions.map((v) => (
              <li key={v.version} className="px-4 py-3 text-sm" data-testid="version">
                <span className="font-medium">Version {v.version}</span>{" "}
                <span className="text-xs text-muted-foreground">
                  {utc(v.changedAt)} by {v.changedBy}
                </span>
                <span className="block text-xs">
                  {v.changed.length ? `Changed: ${v.changed.join(", ")}` : "Defined"} —{" "}
                  {percent(v.definition.target)}, {windowLabel(v.definition.window).toLowerCase()}
                </span>
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </>
  );
}
