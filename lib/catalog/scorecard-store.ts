import { asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { type Service, services } from "@/db/schema";
import { type IncidentFacts, incidentFacts } from "@/lib/incidents/scorecard-facts";
import { NO_SLOS, type SloFacts, sloFacts } from "@/lib/slo/scorecard-facts";
import { evaluateScorecard } from "./scorecard";

/**
 * The service columns the rules read, for reads that score many services without loading
 * whole rows (descriptions and links of 10,000 services are most of their bytes).
 */
export const scorecardColumns = {
  id: services.id,
  ownerTeamId: services.ownerTeamId,
  description: services.description,
  repoUrl: services.repoUrl,
  runbookUrl: services.runbookUrl,
  onCall: services.onCall,
  links: services.links,
  tier: services.tier,
  lifecycle: services.lifecycle,
  rtoMinutes: services.rtoMinutes,
  rpoMinutes: services.rpoMinutes,
  lastDrTestAt: services.lastDrTestAt,
  verifiedAt: services.verifiedAt,
};
type ScoredColumns = { [K in keyof typeof scorecardColumns]: Service[K] };

/** Facts from other domains for the scorecard, per service id; loaded in one batch before scoring. */
export type DomainFacts = Map<string, SloFacts & IncidentFacts>;

/** A service no domain has anything on: no SLOs (so none met) and no overdue action items. */
const NO_FACTS: SloFacts & IncidentFacts = { ...NO_SLOS, overdueActionItems: 0 };

export function scoreService(service: ScoredColumns, now = new Date(), facts?: DomainFacts) {
  return evaluateScorecard({ ...service, ...(facts?.get(service.id) ?? NO_FACTS) }, now);
}

/** The facts the rules need for these services (all live ones when omitted). */
export async function loadFacts(
  db: Queryable,
  ids?: readonly string[],
  now = new Date(),
): Promise<DomainFacts> {
  const [slo, incident] = await Promise.all([sloFacts(db, ids), incidentFacts(db, ids, now)]);
  const out: DomainFacts = new Map();
  for (const id of new Set([...slo.keys(), ...incident.keys()]))
    out.set(id, { ...NO_FACTS, ...slo.get(id), ...incident.get(id) });
  return out;
}

const CHUNK = 500;

const differs = (row: Service, now: Date, facts: DomainFacts) => {
  const card = scoreService(row, now, facts);
  return (
    row.scorecardCheckedAt === null ||
    row.scorecardLevel !== card.level ||
    row.scorecardPassed !== card.passed ||
    row.scorecardApplicable !== card.applicable
  );
};

/** One UPDATE … FROM (VALUES …) for a chunk of rows, instead of a statement per service. */
async function writeLevels(db: Queryable, rows: Service[], now: Date, facts: DomainFacts) {
  if (!rows.length) return;
  const values = rows.map((row) => {
    const card = scoreService(row, now, facts);
    return sql`(${row.id}::uuid, ${card.level}, ${card.passed}::int, ${card.applicable}::int)`;
  });
  await db.execute(sql`
    update ${services} as s set
      scorecard_level = v.level, scorecard_passed = v.passed, scorecard_applicable = v.applicable,
      scorecard_checked_at = ${now.toISOString()}::timestamptz
    from (values ${sql.join(values, sql`, `)}) as v(id, level, passed, applicable)
    where s.id = v.id
      and (s.scorecard_level, s.scorecard_passed, s.scorecard_applicable, s.scorecard_checked_at is null)
        is distinct from (v.level, v.passed, v.applicable, false)`);
}

/**
 * Recomputes and stores the level of the given services, inside a write that already holds
 * their rows (all live services when omitted, as the hourly job does). Only rows whose
 * outcome changed are written. Returns how many were checked.
 */
export async function refreshScorecards(db: Queryable, ids?: string[], now = new Date()): Promise<number> {
  if (!ids) return refreshAllScorecards(db, now);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = await db.select().from(services).where(inArray(services.id, chunk));
    await writeLevels(db, rows, now, await loadFacts(db, chunk, now));
  }
  return ids.length;
}

/**
 * The hourly pass over every live service. It reads without locks, then locks only the rows
 * whose level moved, in id order and with `skip locked`: a row some edit holds is skipped
 * (that edit scores it itself, in its own transaction), so the job never waits for a row
 * lock and cannot take part in a deadlock, and it holds no lock on rows it leaves alone. The
 * locked rows are scored again as they are now, so a concurrent edit is never overwritten
 * with a level computed from what the row was before it. Returns how many were checked.
 */
export async function refreshAllScorecards(db: Queryable, now = new Date()) {
  const live = await db.select().from(services).where(isNull(services.archivedAt));
  const facts = await loadFacts(db, undefined, now);
  const moved = live.filter((row) => differs(row, now, facts)).map((row) => row.id);
  for (let i = 0; i < moved.length; i += CHUNK) {
    const rows = await db
      .select()
      .from(services)
      .where(inArray(services.id, moved.slice(i, i + CHUNK)))
      .orderBy(asc(services.id))
      .for("no key update", { skipLocked: true });
    await writeLevels(
      db,
      rows.filter((row) => differs(row, now, facts)),
      now,
      facts,
    );
  }
  return live.length;
}

export async function refreshScorecard(db: Queryable, id: string) {
  await refreshScorecards(db, [id]);
  const [row] = await db.select().from(services).where(eq(services.id, id));
  return row;
}
