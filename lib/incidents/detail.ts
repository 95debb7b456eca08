import { asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { services, teams, users } from "@/db/schema/catalog";
import {
  INCIDENT_TIMES,
  type Incident,
  type IncidentTime,
  incidentEvents,
  incidentParticipants,
  incidentServices,
  incidents,
  postmortems,
  problems,
} from "@/db/schema/incidents";
import { type BudgetBurn, budgetBurned } from "./budget-burn";
import { impactStart } from "./lifecycle";

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** An incident's times as ISO strings (null when not recorded), the API's field names. */
export function timesJson(i: Incident): Record<IncidentTime, string | null> {
  return Object.fromEntries(INCIDENT_TIMES.map((f) => [f, iso(i[f])])) as Record<IncidentTime, string | null>;
}

export type IncidentDetail = NonNullable<Awaited<ReturnType<typeof incidentDetail>>>;

/** Everything the incident page and `GET /incidents/{id}` show; null when there is no such incident. */
export async function incidentDetail(db: Queryable, id: string) {
  const commander = alias(users, "commander");
  const duplicate = alias(incidents, "duplicate");
  const [row] = await db
    .select({
      incident: incidents,
      commanderEmail: commander.email,
      commanderName: commander.name,
      problem: { id: problems.id, number: problems.number, title: problems.title, state: problems.state },
      duplicateOf: { id: duplicate.id, number: duplicate.number, title: duplicate.title },
      postmortem: { id: postmortems.id, status: postmortems.status, dueOn: postmortems.dueOn },
    })
    .from(incidents)
    .leftJoin(commander, eq(commander.id, incidents.commanderId))
    .leftJoin(problems, eq(problems.id, incidents.problemId))
    .leftJoin(duplicate, eq(duplicate.id, incidents.duplicateOfId))
    .leftJoin(postmortems, eq(postmortems.incidentId, incidents.id))
    .where(eq(incidents.id, id));
  if (!row) return null;
  const i = row.incident;
  const [affected, participants, timeline, burn] = await Promise.all([
    db
      .select({ slug: services.slug, name: services.name, tier: services.tier, team: teams.slug })
      .from(incidentServices)
      .innerJoin(services, eq(services.id, incidentServices.serviceId))
      .leftJoin(teams, eq(teams.id, services.ownerTeamId))
      .where(eq(incidentServices.incidentId, id))
      .orderBy(asc(services.slug)),
    db
      .select({
        id: incidentParticipants.id,
        role: incidentParticipants.role,
        joinedAt: incidentParticipants.joinedAt,
        leftAt: incidentParticipants.leftAt,
        email: users.email,
        name: users.name,
      })
      .from(incidentParticipants)
      .innerJoin(users, eq(users.id, incidentParticipants.userId))
      .where(eq(incidentParticipants.incidentId, id))
      .orderBy(asc(incidentParticipants.joinedAt)),
    db.select().from(incidentEvents).where(eq(incidentEvents.incidentId, id)).orderBy(
      asc(incidentEvents.occurredAt),
      asc(incidentEvents.createdAt),
      // The declaration opens the timeline even when the commander's seat has the same instant.
      sql`${incidentEvents.kind} = 'declared' desc`,
    ),
    budgetBurned(db, [{ id, start: impactStart(i), end: i.resolvedAt }]),
  ]);
  return {
    id: i.id,
    number: i.number,
    title: i.title,
    description: i.description,
    severity: i.severity,
    status: i.status,
    services: affected.map((s) => s.slug),
    commander: row.commanderEmail,
    commanderName: row.commanderName,
    cause: i.cause,
    ...timesJson(i),
    version: i.version,
    affected,
    problem: row.problem?.id ? row.problem : null,
    duplicateOf: row.duplicateOf?.id ? row.duplicateOf : null,
    postmortem: row.postmortem?.id ? row.postmortem : null,
    participants: participants.map((p) => ({
      ...p,
      joinedAt: p.joinedAt.toISOString(),
      leftAt: iso(p.leftAt),
    })),
    timeline: timeline.map((e) => ({
      id: e.id,
      kind: e.kind,
      occurredAt: e.occurredAt.toISOString(),
      recordedAt: e.createdAt.toISOString(),
      body: e.body,
      data: e.data,
      author: e.authorLabel,
    })),
    budget: (burn.get(id) ?? []) as BudgetBurn[],
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}
