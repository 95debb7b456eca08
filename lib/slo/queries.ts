import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { services, teams } from "@/db/schema/catalog";
import type { Tier } from "@/db/schema/enums";
import { budgetAdjustments, type Slo, sloAlerts, slos, sloVersions } from "@/db/schema/slo";
import { definitionOf } from "./definition";
import type { SloState } from "./math";
import type { SloDefinition } from "./schemas";
import { type SloStatus, statusOf } from "./status";

export type SloSummary = {
  id: string;
  name: string;
  service: { slug: string; name: string; tier: Tier };
  team: { slug: string; name: string } | null;
  definition: SloDefinition;
  version: number;
  status: SloStatus;
};

export type SloFilter = { service?: string; team?: string; tier?: Tier; state?: SloState; q?: string };

const selection = {
  slo: slos,
  serviceSlug: services.slug,
  serviceName: services.name,
  tier: services.tier,
  teamSlug: teams.slug,
  teamName: teams.name,
};

type Joined = {
  slo: Slo;
  serviceSlug: string;
  serviceName: string;
  tier: Tier;
  teamSlug: string | null;
  teamName: string | null;
};

function summaryOf(r: Joined, status: SloStatus): SloSummary {
  return {
    id: r.slo.id,
    name: r.slo.name,
    service: { slug: r.serviceSlug, name: r.serviceName, tier: r.tier },
    team: r.teamSlug ? { slug: r.teamSlug, name: r.teamName ?? r.teamSlug } : null,
    definition: definitionOf(r.slo),
    version: r.slo.version,
    status,
  };
}

/** SLOs of live services under the filter, with their status; most critical tier, then team, service and name. */
export async function listSlos(
  db: Queryable,
  filter: SloFilter = {},
  now = Date.now(),
): Promise<SloSummary[]> {
  const where: SQL[] = [isNull(services.archivedAt)];
  if (filter.service) where.push(eq(services.slug, filter.service));
  if (filter.team) where.push(eq(teams.slug, filter.team));
  if (filter.tier) where.push(eq(services.tier, filter.tier));
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`(${slos.name} ilike ${like} or ${services.name} ilike ${like} or ${services.slug} ilike ${like})`,
    );
  }
  const rows = await db
    .select(selection)
    .from(slos)
    .innerJoin(services, eq(services.id, slos.serviceId))
    .leftJoin(teams, eq(teams.id, services.ownerTeamId))
    .where(and(...where))
    .orderBy(asc(services.tier), asc(teams.name), asc(services.name), asc(slos.name));
  const statuses = await statusOf(
    db,
    rows.map((r) => r.slo),
    { now },
  );
  const out = rows.map((r) => summaryOf(r, statuses.get(r.slo.id)!));
  return filter.state ? out.filter((s) => s.status.state === filter.state) : out;
}

export type SloDetail = SloSummary & {
  description: string;
  createdAt: string;
  updatedAt: string;
  serviceId: string;
  ownerTeamId: string | null;
  alerts: {
    id: string;
    rule: string;
    severity: "page" | "ticket";
    firedAt: string;
    resolvedAt: string | null;
    numbers: Record<string, unknown>;
  }[];
  versions: {
    version: number;
    changed: string[];
    changedBy: string;
    changedAt: string;
    definition: SloDefinition;
  }[];
  adjustments: {
    id: string;
    scope: "slo" | "service";
    startsAt: string;
    durationMinutes: number;
    rrule: string | null;
    reason: string;
    createdAt: string;
  }[];
};

/** One SLO with its full status (burn rates, alert verdicts), alert history, versions and adjustments. */
export async function sloDetail(db: Queryable, id: string, now = Date.now()): Promise<SloDetail | null> {
  const [row] = await db
    .select({ ...selection, ownerTeamId: services.ownerTeamId })
    .from(slos)
    .innerJoin(services, eq(services.id, slos.serviceId))
    .leftJoin(teams, eq(teams.id, services.ownerTeamId))
    .where(eq(slos.id, id));
  if (!row) return null;
  const [statuses, alerts, versions, adjustments] = await Promise.all([
    statusOf(db, [row.slo], { now, full: true }),
    db.select().from(sloAlerts).where(eq(sloAlerts.sloId, id)).orderBy(desc(sloAlerts.firedAt)).limit(100),
    db.select().from(sloVersions).where(eq(sloVersions.sloId, id)).orderBy(desc(sloVersions.version)),
    db
      .select()
      .from(budgetAdjustments)
      .where(
        sql`${budgetAdjustments.sloId} = ${id}::uuid or ${budgetAdjustments.serviceId} = ${row.slo.serviceId}::uuid`,
      )
      .orderBy(desc(budgetAdjustments.startsAt)),
  ]);
  return {
    ...summaryOf(row, statuses.get(id)!),
    description: row.slo.description,
    createdAt: row.slo.createdAt.toISOString(),
    updatedAt: row.slo.updatedAt.toISOString(),
    serviceId: row.slo.serviceId,
    ownerTeamId: row.ownerTeamId,
    alerts: alerts.map((a) => ({
      id: a.id,
      rule: a.rule,
      severity: a.severity,
      firedAt: a.firedAt.toISOString(),
      resolvedAt: a.resolvedAt?.toISOString() ?? null,
      numbers: a.numbers,
    })),
    versions: versions.map((v) => ({
      version: v.version,
      changed: v.changed,
      changedBy: v.changedByLabel,
      changedAt: v.changedAt.toISOString(),
      definition: v.definition as SloDefinition,
    })),
    adjustments: adjustments.map((a) => ({
      id: a.id,
      scope: a.sloId ? "slo" : "service",
      startsAt: a.startsAt.toISOString(),
      durationMinutes: a.durationMinutes,
      rrule: a.rrule,
      reason: a.reason,
      createdAt: a.createdAt.toISOString(),
    })),
  };
}

/**
 * The error-budget policy, as one query: of the given services (all live ones when
 * omitted), those with an SLO whose budget remaining is ≤ 0 now — in **budget freeze**.
 * Change management gates on this; it is computed from the counts, never stored.
 */
export async function budgetFreeze(
  db: Queryable,
  serviceIds?: readonly string[],
  now = Date.now(),
): Promise<Map<string, { sloId: string; name: string; budgetRemaining: number }[]>> {
  const rows = await db
    .select({ slo: slos })
    .from(slos)
    .innerJoin(services, eq(services.id, slos.serviceId))
    .where(serviceIds ? inArray(slos.serviceId, [...serviceIds]) : isNull(services.archivedAt));
  const out = new Map<string, { sloId: string; name: string; budgetRemaining: number }[]>();
  if (!rows.length) return out;
  const statuses = await statusOf(
    db,
    rows.map((r) => r.slo),
    { now },
  );
  for (const { slo } of rows) {
    const remaining = statuses.get(slo.id)?.budgetRemaining;
    if (remaining === null || remaining === undefined || remaining > 0) continue;
    const list = out.get(slo.serviceId) ?? [];
    list.push({ sloId: slo.id, name: slo.name, budgetRemaining: remaining });
    out.set(slo.serviceId, list);
  }
  return out;
}
