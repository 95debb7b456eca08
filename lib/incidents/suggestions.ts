import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { services } from "@/db/schema/catalog";
import { problemSuggestions, type SuggestionKind } from "@/db/schema/incidents";
import { clusters, normalizeCause } from "./clusters";

/** How many alike incidents on one service within the look-back make a pattern worth a problem. */
export const SUGGEST_MIN_INCIDENTS = 3;
export const SUGGEST_LOOKBACK_DAYS = 90;
/** pg_trgm similarity at which two titles describe the same failure ("Checkout 5xx in EU" ~ "Checkout 502s EU"). */
export const TITLE_SIMILARITY = 0.4;

type Recent = { id: string; title: string; cause: string | null; declared_at: string };
type Group = { kind: SuggestionKind; key: string; title: string; incidentIds: string[] };

/** The patterns in one service's recent incidents not yet linked to a problem. */
async function groupsFor(tx: Tx, serviceId: string, slug: string, now: Date): Promise<Group[]> {
  const since = new Date(now.getTime() - SUGGEST_LOOKBACK_DAYS * 86_400_000);
  const recent = rowsOf<Recent>(
    await tx.execute(sql`
      select i.id, i.title, i.cause, i.declared_at from incidents i
      join incident_services s on s.incident_id = i.id and s.service_id = ${serviceId}::uuid
      where i.declared_at >= ${since.toISOString()}::timestamptz and i.problem_id is null
        and i.status not in ('cancelled', 'duplicate')
      order by i.declared_at, i.id`),
  );
  if (recent.length < SUGGEST_MIN_INCIDENTS) return [];
  const ids = recent.map((r) => r.id);
  const pairs = rowsOf<{ a: string; b: string }>(
    await tx.execute(sql`
      select a.id as a, b.id as b from incidents a join incidents b on a.id < b.id
      where a.id = any(${`{${ids.join(",")}}`}::uuid[]) and b.id = any(${`{${ids.join(",")}}`}::uuid[])
        and similarity(a.title, b.title) >= ${TITLE_SIMILARITY}`),
  );
  const byId = new Map(recent.map((r) => [r.id, r]));
  const groups: Group[] = [];
  for (const members of clusters(
    ids,
    pairs.map((p) => [p.a, p.b]),
  )) {
    if (members.length < SUGGEST_MIN_INCIDENTS) continue;
    const first = byId.get(members[0]) as Recent;
    groups.push({
      kind: "similar_titles",
      key: first.id,
      title: `${slug}: ${members.length} incidents like "${first.title}"`,
      incidentIds: members,
    });
  }
  const byCause = new Map<string, string[]>();
  for (const r of recent) {
    const cause = r.cause ? normalizeCause(r.cause) : "";
    if (cause) byCause.set(cause, [...(byCause.get(cause) ?? []), r.id]);
  }
  for (const [cause, members] of byCause) {
    if (members.length < SUGGEST_MIN_INCIDENTS) continue;
    groups.push({
      kind: "same_cause",
      key: cause,
      title: `${slug}: ${members.length} incidents caused by ${cause}`,
      incidentIds: members,
    });
  }
  return groups;
}

/**
 * Brings the open suggestions of these services up to date with their incidents: new
 * patterns are proposed, grown ones list their new members, vanished ones (their incidents
 * now linked to a problem) are withdrawn. Accepted and dismissed ones are never reopened.
 */
export async function refreshSuggestions(tx: Tx, serviceIds: string[], now: Date) {
  if (!serviceIds.length) return;
  const rows = await tx
    .select({ id: services.id, slug: services.slug })
    .from(services)
    .where(inArray(services.id, serviceIds));
  for (const service of rows) {
    const groups = await groupsFor(tx, service.id, service.slug, now);
    for (const g of groups) {
      await tx
        .insert(problemSuggestions)
        .values({ serviceId: service.id, ...g })
        .onConflictDoUpdate({
          target: [problemSuggestions.serviceId, problemSuggestions.kind, problemSuggestions.key],
          set: { incidentIds: g.incidentIds, title: g.title, updatedAt: now },
          setWhere: sql`${problemSuggestions.state} = 'open'`,
        });
    }
    const keep = groups.map((g) => `${g.kind}:${g.key}`);
    await tx
      .delete(problemSuggestions)
      .where(
        and(
          eq(problemSuggestions.serviceId, service.id),
          eq(problemSuggestions.state, "open"),
          keep.length
            ? notInArray(sql`${problemSuggestions.kind} || ':' || ${problemSuggestions.key}`, keep)
            : undefined,
        ),
      );
  }
}
