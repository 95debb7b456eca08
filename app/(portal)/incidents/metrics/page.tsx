import type { Metadata } from "next";
import { MetricCards } from "@/components/incidents/metric-cards";
import { MetricsFilters } from "@/components/incidents/metrics-filters";
import { WeeklyImpactChart } from "@/components/incidents/weekly-impact-chart";
import { Forbidden } from "@/components/shell/forbidden";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { incidentMetricsPageRead } from "@/lib/incidents/metrics-reads";
import { duration, reference } from "@/lib/incidents/present";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "Incident metrics" };

const GROUP_LABEL = { severity: "Severity", tier: "Tier", team: "Team", service: "Service" } as const;
const share = (v: number | null) => (v === null ? "no traffic" : `${(v * 100).toFixed(v < 0.1 ? 1 : 0)} %`);

export default async function IncidentMetricsPage({ searchParams }: PageProps<"/incidents/metrics">) {
  const read = await pageQuery(incidentMetricsPageRead, await searchParams);
  if (!read.ok) return <Forbidden what="incident metrics" />;
  const { filter, report, budget, unmeasured, teams } = read.data;
  const by = filter.by ?? "severity";
  return (
    <>
      <PageHeader
        title="Incident metrics"
        description={`Incidents whose impact started from ${filter.from} to ${filter.to} (UTC), cancelled and duplicate ones left out. Medians and p90s first: a mean hides the long tail.`}
        actions={
          <Link href="/incidents" className="btn btn-outline">
            All incidents
          </Link>
        }
      />
      <MetricsFilters filter={filter} teams={teams} />
      <div className="grid grid-cols-1 gap-5">
        <MetricCards metrics={report.overall} definitions={report.definitions} />
        <Card>
          <CardHeader>
            <CardTitle>Incidents and minutes of impact by week</CardTitle>
          </CardHeader>
          <CardBody className="grid grid-cols-1 gap-3">
            <WeeklyImpactChart weeks={report.weekly} />
            <details className="min-w-0">
              <summary className="cursor-pointer text-sm text-muted-foreground">
                The same numbers as a table
              </summary>
              <Table>
                <THead>
                  <tr>
                    <TH>Week of (UTC)</TH>
                    <TH className="text-right">Incidents</TH>
                    <TH className="text-right">Minutes of impact</TH>
                  </tr>
                </THead>
                <tbody>
                  {report.weekly.map((w) => (
                    <TR key={w.weekStart}>
                      <TD>{w.weekStart.slice(0, 10)}</TD>
                      <TD className="text-right tabular-nums">{w.incidents}</TD>
                      <TD className="text-right tabular-nums">{Math.round(w.impactMinutes)}</TD>
                    </TR>
                  ))}
                </tbody>
              </Table>
            </details>
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>By {GROUP_LABEL[by].toLowerCase()}</CardTitle>
          </CardHeader>
          <Table data-testid="metrics-breakdown">
            <THead>
              <tr>
                <TH>{GROUP_LABEL[by]}</TH>
                <TH className="text-right">Incidents</TH>
                <TH className="text-right">MTTD median / p90</TH>
                <TH className="text-right">MTTA median / p90</TH>
                <TH className="text-right">MTTR median / p90</TH>
                <TH className="text-right">MTBF</TH>
                <TH className="text-right">Impact</TH>
              </tr>
            </THead>
            <tbody>
              {report.groups.map(({ key, metrics: m }) => (
                <TR key={key}>
                  <TD className="font-medium">{by === "severity" ? key.toUpperCase() : key}</TD>
                  <TD className="text-right tabular-nums">
                    {m.incidents}
                    {m.open ? <span className="text-xs text-muted-foreground"> ({m.open} open)</span> : null}
                  </TD>
                  {(["mttd", "mtta", "mttr"] as const).map((k) => (
                    <TD key={k} className="whitespace-nowrap text-right tabular-nums">
                      {duration(m[k].medianSeconds)} / {duration(m[k].p90Seconds)}
                    </TD>
                  ))}
                  <TD className="whitespace-nowrap text-right tabular-nums">{duration(m.mtbf.seconds)}</TD>
                  <TD className="whitespace-nowrap text-right tabular-nums">
                    {duration(m.mtbf.downtimeSeconds)}
                  </TD>
                </TR>
              ))}
            </tbody>
          </Table>
          {report.groups.length ? null : (
            <p className="p-4 text-sm text-muted-foreground">No incidents in this period.</p>
          )}
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Error budget each incident burned</CardTitle>
          </CardHeader>
          {budget.length ? (
            <Table data-testid="metrics-budget">
              <THead>
                <tr>
                  <TH>Incident</TH>
                  <TH>SLO</TH>
                  <TH className="text-right">Budget burned</TH>
                </tr>
              </THead>
              <tbody>
                {budget.flatMap((i) =>
                  i.budget.map((b, n) => (
                    <TR key={`${i.id}-${b.sloId}`}>
                      <TD>
                        {n === 0 ? (
                          <Link href={`/incidents/${i.id}`} className="hover:underline">
                            <span className="mr-1 font-mono text-xs text-muted-foreground">
                              {reference(i.number)}
                            </span>
                            {i.title}
                          </Link>
                        ) : null}
                      </TD>
                      <TD className="text-sm">
                        <Link href={`/slos/${b.sloId}`} className="hover:underline">
                          {b.serviceSlug} · {b.sloName}
                        </Link>
                      </TD>
                      <TD className="text-right tabular-nums">{share(b.burned)}</TD>
                    </TR>
                  )),
                )}
              </tbody>
            </Table>
          ) : (
            <p className="p-4 text-sm text-muted-foreground">
              No incident in this period touched a service with an SLO.
            </p>
          )}
        </Card>
      </div>
    </>
  );
}
