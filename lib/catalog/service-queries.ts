import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { serviceDependencies, services, teamMembers, teams, users } from "@/db/schema";
import { blastRadiusOf, dependencyGraph } from "./graph-cache";
import { loadFacts, scoreService } from "./scorecard-store";

const neighbour = {
  slug: services.slug,
  name: services.name,
  tier: services.tier,
  scorecardLevel: services.scorecardLevel,
  archivedAt: services.archivedAt,
  teamSlug: teams.slug,
  teamName: teams.name,
};

/** Everything the service page shows, in a handful of indexed queries. */
export async function getServiceDetail(db: Queryable, slug: string) {
  const [row] = await db
    .select({ service: services, team: teams })
    .from(services)
    .leftJoin(teams, eq(teams.id, services.ownerTeamId))
    .where(eq(services.slug, slug));
  if (!row) return null;
  const { service, team } = row;
  const [upstream, downstream, owners, radius] = await Promise.all([
    db
      .select(neighbour)
      .from(serviceDependencies)
      .innerJoin(services, eq(services.id, serviceDependencies.dependsOnId))
      .leftJoin(teams, eq(teams.id, services.ownerTeamId))
      .where(eq(serviceDependencies.serviceId, service.id))
      .orderBy(asc(services.tier), asc(services.name)),
    db
      .select(neighbour)
      .from(serviceDependencies)
      .innerJoin(services, eq(services.id, serviceDependencies.serviceId))
      .leftJoin(teams, eq(teams.id, services.ownerTeamId))
      .where(eq(serviceDependencies.dependsOnId, service.id))
      .orderBy(asc(services.tier), asc(services.name)),
    service.ownerTeamId
      ? db
          .select({ name: users.name, email: users.email, memberRole: teamMembers.memberRole })
          .from(teamMembers)
          .innerJoin(users, eq(users.id, teamMembers.userId))
          .where(and(eq(teamMembers.teamId, service.ownerTeamId), sql`${users.deactivatedAt} is null`))
          .orderBy(sql`${teamMembers.memberRole} = 'lead' desc`, asc(users.name))
      : Promise.resolve([]),
    blastRadius(db, service.id),
  ]);
  const facts = await loadFacts(db, [service.id]);
  return {
    service,
    team,
    upstream,
    downstream,
    owners,
    radius,
    scorecard: scoreService(service, new Date(), facts),
  };
}

export type ServiceDetail = NonNullable<Awaited<ReturnType<typeof getServiceDetail>>>;

const SHOWN = 25;
const MAX_CYCLE_LENGTH = 25;

/** All transitive dependents by tier, from the in-memory graph; the cycle path only when there is one. */
async function blastRadius(db: Queryable, serviceId: string) {
  const { inCycle, ...radius } = blastRadiusOf(await dependencyGraph(db), serviceId, SHOWN);
  return { ...radius, cycle: inCycle ? await shortestCycle(db, serviceId) : null };
}

/**
 * The shortest dependency cycle through a service, by bidirectional breadth-first search:
 * forwards along "depends on" from the service and backwards along "depended on by" to it,
 * always growing the smaller side, until an edge joins the two. Each side stays near the
 * square root of what a one-sided walk would visit, so even a dense catalog answers in a
 * few indexed queries.
 */
export async function shortestCycle(db: Queryable, start: string): Promise<string[] | null> {
  const forward = new Map<string, string>([[start, ""]]); // node → its predecessor from start
  const backward = new Map<string, string>([[start, ""]]); // node → its successor towards start
  let ahead = [start];
  let behind = [start];
  for (let step = 0; step < MAX_CYCLE_LENGTH && ahead.length && behind.length; step++) {
    const growForward = ahead.length <= behind.length;
    const edges = await db
      .select({ from: serviceDependencies.serviceId, to: serviceDependencies.dependsOnId })
      .from(serviceDependencies)
      .where(
        inArray(
          growForward ? serviceDependencies.serviceId : serviceDependencies.dependsOnId,
          growForward ? ahead : behind,
        ),
      );
    const next: string[] = [];
    for (const { from, to } of edges) {
      // An edge from the forward side to the backward side closes the cycle.
      if (forward.has(from) && backward.has(to))
        return slugsOf(db, [...pathFromStart(from, forward), ...pathToStart(to, backward)]);
      if (growForward && !forward.has(to)) {
        forward.set(to, from);
        next.push(to);
      } else if (!growForward && !backward.has(from)) {
        backward.set(from, to);
        next.push(from);
      }
    }
    if (growForward) ahead = next;
    else behind = next;
  }
  return null;
}

function pathFromStart(node: string, forward: Map<string, string>) {
  const path = [node];
  for (let at = forward.get(node); at; at = forward.get(at)) path.unshift(at);
  return path;
}

function pathToStart(node: string, backward: Map<string, string>) {
  const path = [node];
  for (let at = backward.get(node); at; at = backward.get(at)) path.push(at);
  return path;
}

async function slugsOf(db: Queryable, ids: string[]) {
  const rows = await db
    .select({ id: services.id, slug: services.slug })
    .from(services)
    .where(inArray(services.id, ids));
  const bySlug = new Map(rows.map((r) => [r.id, r.slug]));
  return ids.map((id) => bySlug.get(id) ?? "?");
}
