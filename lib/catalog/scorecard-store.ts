import { eq, inArray, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { type Service, services } from "@/db/schema";
import { evaluateScorecard } from "./scorecard";

/** Facts from other domains for the scorecard; none have landed yet, so their rules are n/a. */
function facts(_service: Service) {
  return {};
}

export function scoreService(service: Service, now = new Date()) {
  return evaluateScorecard({ ...service, ...facts(service) }, now);
}

/**
 * Recomputes and stores the level of the given services (all live ones when omitted).
 * Only rows whose outcome changed are written, so the hourly pass over a large catalog
 * rewrites (and bloats) nothing when nothing changed.
 */
export async function refreshScorecards(db: Queryable, ids?: string[], now = new Date()) {
  const rows = await db
    .select()
    .from(services)
    .where(ids ? inArray(services.id, ids) : isNull(services.archivedAt));
  const CHUNK = 500;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = rows.slice(i, i + CHUNK).map((row) => {
      const card = scoreService(row, now);
      return sql`(${row.id}::uuid, ${card.level}, ${card.passed}::int, ${card.applicable}::int)`;
    });
    // One UPDATE … FROM (VALUES …) per chunk instead of a statement per service.
    await db.execute(sql`
      update ${services} as s set
        scorecard_level = v.level, scorecard_passed = v.passed, scorecard_applicable = v.applicable,
        scorecard_checked_at = ${now.toISOString()}::timestamptz
      from (values ${sql.join(values, sql`, `)}) as v(id, level, passed, applicable)
      where s.id = v.id
        and (s.scorecard_level, s.scorecard_passed, s.scorecard_applicable, s.scorecard_checked_at is null)
          is distinct from (v.level, v.passed, v.applicable, false)`);
  }
  return rows.length;
}

export async function refreshScorecard(db: Queryable, id: string) {
  await refreshScorecards(db, [id]);
  const [row] = await db.select().from(services).where(eq(services.id, id));
  return row;
}
