import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { IncidentStatus, ProblemState, Severity, SuggestionKind } from "@/db/schema/incidents";
import { likeEscape } from "@/lib/palette/catalog-source";
import { actionItemsOf } from "./action-item-queries";
import { PAGE_SIZE } from "./queries";

const isoOf = (v: string | Date | null) => (v ? new Date(v).toISOString() : null);

export type ProblemFilter = { state?: ProblemState | "open"; service?: string; q?: string };

export type ProblemRow = {
  id: string;
  number: number;
  title: string;
  state: ProblemState;
  service: { slug: string; name: string } | null;
  owner: { email: string; name: string } | null;
  incidents: number;
  openActionItems: number;
  /** When it became a known error (its cause or workaround written down); null if it never was. */
  knownErrorAt: string | null;
  updatedAt: string;
};

function whereOf(filter: ProblemFilter): SQL {
  const where: SQL[] = [sql`true`];
  if (filter.state === "open") where.push(sql`pr.state not in ('resolved', 'risk_accepted')`);
  else if (filter.state) where.push(sql`pr.state = ${filter.state}`);
  if (filter.service) where.push(sql`s.slug = ${filter.service}`);
  if (filter.q) {
    const number = /^(?:prb-?)?(\d{1,9})$/i.exec(filter.q.trim());
    const title = sql`pr.title ilike ${likeEscape(filter.q)}`;
    where.push(number ? sql`(pr.number = ${Number(number[1])} or ${title})` : title);
  }
  return sql.join(where, sql` and `);
}

const FROM = sql`from problems pr left join services s on s.id = pr.service_id left join users u on u.id = pr.owner_id`;

/** A page of problems, most recently changed first; `q` matches title words or PRB-7. */
export async function listProblems(db: Queryable, filter: ProblemFilter, page = 1) {
  const where = whereOf(filter);
  const offset = (Math.max(1, page) - 1) * PAGE_SIZE;
  const [rows, total] = await Promise.all([
    db.execute(sql`
      select pr.id, pr.number, pr.title, pr.state, pr.updated_at as "updatedAt", pr.known_error_at as "knownErrorAt",
        s.slug as "serviceSlug", s.name as "serviceName", u.email as "ownerEmail", u.name as "ownerName",
        (select count(*)::int from incidents i where i.problem_id = pr.id) as incidents,
        (select count(*)::int from action_items a where a.problem_id = pr.id
          and a.status in ('open', 'in_progress')) as "openActionItems"
      ${FROM} where ${where}
      order by pr.updated_at desc, pr.number desc limit ${PAGE_SIZE} offset ${offset}`),
    db.execute(sql`select count(*)::int as n ${FROM} where ${where}`),
  ]);
  const items = rowsOf<Record<string, unknown>>(rows).map(
    (r): ProblemRow => ({
      id: r.id as string,
      number: r.number as number,
      title: r.title as string,
      state: r.state as ProblemState,
      service: r.serviceSlug ? { slug: r.serviceSlug as string, name: r.serviceName as string } : null,
      owner: r.ownerEmail ? { email: r.ownerEmail as string, name: r.ownerName as string } : null,
      incidents: r.incidents as number,
      openActionItems: r.openActionItems as number,
      knownErrorAt: isoOf(r.knownErrorAt as string | null),
      updatedAt: isoOf(r.updatedAt as string) as string,
    }),
  );
  return {
    items,
    total: rowsOf<{ n: number }>(total)[0]?.n ?? 0,
    page: Math.max(1, page),
    pageSize: PAGE_SIZE,
  };
}

type LinkedIncident = {
  id: string;
  number: number;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  declaredAt: string;
};

export type ProblemDetail = NonNullable<Awaited<ReturnType<typeof problemDetail>>>;

/** A problem with its incidents, action items and state history; null when there is none. */
export async function problemDetail(db: Queryable, id: string, now = new Date()) {
  const [row] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select pr.*, s.slug as "serviceSlug", s.name as "serviceName", u.email as "ownerEmail", u.name as "ownerName"
      ${FROM} where pr.id = ${id}::uuid`),
  );
  if (!row) return null;
  const [linked, actionItems, history] = await Promise.all([
    db.execute(sql`
      select i.id, i.number, i.title, i.severity, i.status, i.declared_at as "declaredAt"
      from incidents i where i.problem_id = ${id}::uuid order by i.declared_at desc`),
    actionItemsOf(db, { problemId: id }, now),
    // The audit rows are the history: who moved it where, when, and why.
    db.execute(sql`
      select at, actor_label as by, before->>'state' as "from",
        case when action = 'problem.update' then after->>'state' else 'new' end as "to", after->>'reason' as reason
      from audit_log
      where entity_type = 'problem' and entity_id = ${id}
        and (action in ('problem.create', 'problem.suggestion.accept') or (action = 'problem.update' and after ? 'state'))
      order by at, id`),
  ]);
  return {
    id: row.id as string,
    number: row.number as number,
    title: row.title as string,
    description: row.description as string,
    state: row.state as ProblemState,
    rootCause: row.root_cause as string,
    workaround: row.workaround as string,
    service: row.serviceSlug ? { slug: row.serviceSlug as string, name: row.serviceName as string } : null,
    owner: row.ownerEmail ? { email: row.ownerEmail as string, name: row.ownerName as string } : null,
    knownErrorAt: isoOf(row.known_error_at as string | null),
    resolvedAt: isoOf(row.resolved_at as string | null),
    version: row.version as number,
    incidents: rowsOf<LinkedIncident>(linked).map((i) => ({
      ...i,
      declaredAt: isoOf(i.declaredAt) as string,
    })),
    actionItems,
    history: rowsOf<{ at: string; by: string; from: string | null; to: ProblemState; reason: string | null }>(
      history,
    ).map((h) => ({ ...h, at: isoOf(h.at) as string })),
    createdAt: isoOf(row.created_at as string) as string,
    updatedAt: isoOf(row.updated_at as string) as string,
  };
}

export type SuggestionRow = {
  id: string;
  kind: SuggestionKind;
  title: string;
  /** The cause the incidents share, for a same-cause suggestion. */
  cause: string | null;
  service: { slug: string; name: string };
  incidents: { id: string; number: number; title: string; declaredAt: string }[];
  createdAt: string;
  updatedAt: string;
};

/** Open problem suggestions, newest first: patterns in a service's recent incidents nobody has decided on. */
export async function openSuggestions(db: Queryable, filter: { service?: string }) {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select g.id, g.kind, g.key, g.title, g.created_at as "createdAt", g.updated_at as "updatedAt",
        s.slug, s.name,
        coalesce((select json_agg(json_build_object('id', i.id, 'number', i.number, 'title', i.title,
          'declaredAt', i.declared_at) order by i.declared_at)
          from incidents i where i.id = any(g.incident_ids)), '[]'::json) as incidents
      from problem_suggestions g join services s on s.id = g.service_id
      where g.state = 'open' ${filter.service ? sql`and s.slug = ${filter.service}` : sql``}
      order by g.updated_at desc, g.id limit 200`),
  );
  return rows.map(
    (r): SuggestionRow => ({
      id: r.id as string,
      kind: r.kind as SuggestionKind,
      title: r.title as string,
      cause: r.kind === "same_cause" ? (r.key as string) : null,
      service: { slug: r.slug as string, name: r.name as string },
      incidents: (
        (typeof r.incidents === "string"
          ? JSON.parse(r.incidents)
          : r.incidents) as SuggestionRow["incidents"]
      ).map((i) => ({ ...i, declaredAt: isoOf(i.declaredAt) as string })),
      createdAt: isoOf(r.createdAt as string) as string,
      updatedAt: isoOf(r.updatedAt as string) as string,
    }),
  );
}
