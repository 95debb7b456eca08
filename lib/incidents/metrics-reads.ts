import { asc, sql } from "drizzle-orm";
import { z } from "zod";
import { rowsOf } from "@/db/rows";
import { teams } from "@/db/schema/catalog";
import { TIERS } from "@/db/schema/enums";
import { SEVERITIES } from "@/db/schema/incidents";
import { slugParam } from "@/lib/api/params";
import { defineQuery } from "@/lib/query/define";
import { pageDay, pageEnum } from "@/lib/query/page-params";
import { isoTime } from "@/lib/validation/time";
import { budgetBurned } from "./budget-burn";
import { type GroupBy, incidentMetricsSql, type Metrics, weeklyImpactSql } from "./metrics";
import { METRIC_DEFINITIONS } from "./metrics-math";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
const DAY_MS = 86_400_000;
/** The longest period one request may ask for: ten years of weeks is still a readable chart. */
const MAX_PERIOD_DAYS = 3660;

export const metricsInput = z
  .object({
    service: optional(slugParam),
    team: optional(slugParam),
    tier: optional(z.enum(TIERS, { error: "Tier is tier0 to tier3." })),
    severity: optional(z.enum(SEVERITIES, { error: "Severity is sev1, sev2, sev3 or sev4." })),
    from: optional(isoTime("from")).describe(
      "start of the period (ISO-8601 with zone); 90 days before `to` by default",
    ),
    to: optional(isoTime("to")).describe("end of the period, exclusive; now by default"),
    by: optional(
      z.enum(["severity", "tier", "team", "service"], { error: "Group by severity, tier, team or service." }),
    ),
  })
  .superRefine((v, ctx) => {
    const { from, to } = periodOf(v);
    if (from >= to) ctx.addIssue({ code: "custom", path: ["from"], message: "from must be before to." });
    if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS)
      ctx.addIssue({ code: "custom", path: ["from"], message: "A period is at most ten years." });
  });

/** The period asked for: 90 days up to now unless stated. */
function periodOf(v: { from?: Date; to?: Date }) {
  const to = v.to ?? new Date();
  return { from: v.from ?? new Date(to.getTime() - 90 * DAY_MS), to };
}

export type MetricsReport = {
  period: { from: string; to: string };
  overall: Metrics;
  groups: { key: string; metrics: Metrics }[];
  weekly: Awaited<ReturnType<typeof weeklyImpactSql>>;
  definitions: typeof METRIC_DEFINITIONS;
};

export const incidentMetricsRead = defineQuery({
  name: "incident.metrics",
  permission: "incident.read",
  input: metricsInput,
  async run({ db }, { from: _f, to: _t, by, ...scope }): Promise<MetricsReport> {
    const period = periodOf({ from: _f, to: _t });
    const { from, to } = period;
    const [overall, grouped, weekly] = await Promise.all([
      incidentMetricsSql(db, scope, period),
      by ? incidentMetricsSql(db, scope, period, by as GroupBy) : Promise.resolve(new Map<string, Metrics>()),
      weeklyImpactSql(db, scope, period),
    ]);
    const empty: Metrics = {
      incidents: 0,
      open: 0,
      mttd: { count: 0, meanSeconds: null, medianSeconds: null, p90Seconds: null },
      mtta: { count: 0, meanSeconds: null, medianSeconds: null, p90Seconds: null },
      mttr: { count: 0, meanSeconds: null, medianSeconds: null, p90Seconds: null },
      mtbf: {
        seconds: null,
        failures: 0,
        downtimeSeconds: 0,
        periodSeconds: (to.getTime() - from.getTime()) / 1000,
      },
    };
    return {
      period: { from: from.toISOString(), to: to.toISOString() },
      overall: overall.get("all") ?? empty,
      groups: [...grouped]
        .map(([key, metrics]) => ({ key, metrics }))
        .sort((a, b) => a.key.localeCompare(b.key)),
      weekly,
      definitions: METRIC_DEFINITIONS,
    };
  },
});

/** The period's incidents on services with SLOs, most severe and latest first, with the budget each burned. */
export const incidentBudgetRead = defineQuery({
  name: "incident.budget_burn",
  permission: "incident.read",
  input: metricsInput,
  async run({ db }, input) {
    const { from, to } = periodOf(input);
    const { severity, service, tier, team } = input;
    const rows = rowsOf<{
      id: string;
      number: number;
      title: string;
      severity: string;
      start: string | Date;
      finish: string | Date | null;
    }>(
      await db.execute(sql`
        select i.id, i.number, i.title, i.severity, coalesce(i.impact_started_at, i.declared_at) as start, i.resolved_at as finish
        from incidents i
        where i.status not in ('cancelled', 'duplicate')
          and coalesce(i.impact_started_at, i.declared_at) >= ${from.toISOString()}::timestamptz
          and coalesce(i.impact_started_at, i.declared_at) < ${to.toISOString()}::timestamptz
          ${severity ? sql`and i.severity = ${severity}` : sql``}
          and exists (select 1 from incident_services x join services s on s.id = x.service_id
            join slos on slos.service_id = s.id where x.incident_id = i.id
            ${service ? sql`and s.slug = ${service}` : sql``}
            ${tier ? sql`and s.tier = ${tier}` : sql``}
            ${team ? sql`and s.owner_team_id = (select id from teams where slug = ${team})` : sql``})
        order by i.severity, start desc limit 60`),
    );
    const burn = await budgetBurned(
      db,
      rows.map((r) => ({ id: r.id, start: new Date(r.start), end: r.finish ? new Date(r.finish) : null })),
    );
    const items = rows.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      severity: r.severity,
      startedAt: new Date(r.start).toISOString(),
      // An SLO whose window held no measurements then has nothing to say about this incident.
      budget: (burn.get(r.id) ?? []).filter((b) => b.burned !== null),
    }));
    const measured = items.filter((i) => i.budget.length);
    return { items: measured.slice(0, 25), unmeasured: items.length - measured.length };
  },
});

const pageSlug = z
  .string()
  .max(63)
  .optional()
  .transform((v) => v || undefined);

export const metricsPageInput = z.object({
  service: pageSlug,
  team: pageSlug,
  tier: pageEnum(TIERS),
  severity: pageEnum(SEVERITIES),
  by: pageEnum(["severity", "tier", "team", "service"] as const),
  from: pageDay,
  to: pageDay,
});

/** The metrics page: the report for the chosen scope and period (days, `to` inclusive), its budget burn, and the teams. */
export const incidentMetricsPageRead = defineQuery({
  name: "incident.metrics_page",
  permission: "incident.read",
  input: metricsPageInput,
  async run(ctx, input) {
    const today = new Date().toISOString().slice(0, 10);
    const toDay = input.to ?? today;
    const to = new Date(Date.parse(`${toDay}T00:00:00Z`) + DAY_MS);
    let from = input.from ? new Date(`${input.from}T00:00:00Z`) : new Date(to.getTime() - 90 * DAY_MS);
    if (from >= to || to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS)
      from = new Date(to.getTime() - 90 * DAY_MS);
    const scope = { service: input.service, team: input.team, tier: input.tier, severity: input.severity };
    const query = { ...scope, from, to, by: input.by ?? "severity" };
    const [report, budget, teamRows] = await Promise.all([
      incidentMetricsRead.run(ctx, query),
      incidentBudgetRead.run(ctx, query),
      ctx.db.select({ slug: teams.slug, name: teams.name }).from(teams).orderBy(asc(teams.name)),
    ]);
    return {
      filter: { ...scope, by: query.by, from: from.toISOString().slice(0, 10), to: toDay },
      report,
      budget: budget.items,
      unmeasured: budget.unmeasured,
      teams: teamRows,
    };
  },
});
