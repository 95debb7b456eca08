import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { ActionPriority, ActionStatus, ActionType } from "@/db/schema/incidents";
import { isPastDue, today } from "./business-days";
import { PAGE_SIZE } from "./queries";

export type ActionItemRow = {
  id: string;
  title: string;
  status: ActionStatus;
  type: ActionType;
  priority: ActionPriority;
  dueOn: string | null;
  /** Open or in progress, and due before today (UTC). */
  overdue: boolean;
  owner: { email: string; name: string } | null;
  service: { slug: string; name: string } | null;
  team: { slug: string; name: string } | null;
  ticketUrl: string | null;
  wontDoReason: string | null;
  doneAt: string | null;
  version: number;
  /** Where the work came from: a postmortem (and its incident) or a problem. */
  parent:
    | { kind: "postmortem"; id: string; incidentId: string; incidentNumber: number; title: string }
    | { kind: "problem"; id: string; number: number; title: string };
  createdAt: string;
  updatedAt: string;
};

export type ActionItemFilter = {
  ownerId?: string;
  overdue?: boolean;
  team?: string;
  service?: string;
  postmortemId?: string;
  problemId?: string;
  /** `active`: open and in progress. */
  status?: ActionStatus | "active";
};

const OPEN = sql`a.status in ('open', 'in_progress')`;
const isoOf = (v: string | Date | null) => (v ? new Date(v).toISOString() : null);

function whereOf(filter: ActionItemFilter, now: Date): SQL {
  const where: SQL[] = [sql`true`];
  if (filter.ownerId) where.push(sql`a.owner_id = ${filter.ownerId}::uuid`);
  if (filter.overdue) where.push(sql`${OPEN} and a.due_on < ${today(now)}::date`);
  if (filter.team) where.push(sql`t.slug = ${filter.team}`);
  if (filter.service) where.push(sql`s.slug = ${filter.service}`);
  if (filter.postmortemId) where.push(sql`a.postmortem_id = ${filter.postmortemId}::uuid`);
  if (filter.problemId) where.push(sql`a.problem_id = ${filter.problemId}::uuid`);
  if (filter.status === "active") where.push(OPEN);
  else if (filter.status) where.push(sql`a.status = ${filter.status}`);
  return sql.join(where, sql` and `);
}

const FROM = sql`from action_items a
  left join users u on u.id = a.owner_id
  left join services s on s.id = a.service_id
  left join teams t on t.id = s.owner_team_id
  left join postmortems p on p.id = a.postmortem_id
  left join incidents i on i.id = p.incident_id
  left join problems pr on pr.id = a.problem_id`;

type Raw = Record<string, unknown> & { id: string };

/** Open work first (soonest due first), then what is finished, most recent first. */
async function selectItems(db: Queryable, where: SQL, now: Date, limit: number, offset = 0) {
  const rows = rowsOf<Raw>(
    await db.execute(sql`
      select a.id, a.title, a.status, a.type, a.priority, to_char(a.due_on, 'YYYY-MM-DD') as "dueOn",
        a.ticket_url as "ticketUrl", a.wont_do_reason as "wontDoReason", a.done_at as "doneAt", a.version,
        a.created_at as "createdAt", a.updated_at as "updatedAt",
        u.email as "ownerEmail", u.name as "ownerName", s.slug as "serviceSlug", s.name as "serviceName",
        t.slug as "teamSlug", t.name as "teamName", a.postmortem_id as "postmortemId", i.id as "incidentId",
        i.number as "incidentNumber", i.title as "incidentTitle", pr.id as "problemId", pr.number as "problemNumber",
        pr.title as "problemTitle"
      ${FROM}
      where ${where}
      order by (${OPEN}) desc, case when ${OPEN} then a.due_on end asc nulls last, a.updated_at desc, a.id
      limit ${limit} offset ${offset}`),
  );
  return rows.map((r): ActionItemRow => {
    const status = r.status as ActionStatus;
    const dueOn = r.dueOn as string | null;
    return {
      id: r.id,
      title: r.title as string,
      status,
      type: r.type as ActionType,
      priority: r.priority as ActionPriority,
      dueOn,
      overdue: (status === "open" || status === "in_progress") && isPastDue(dueOn, now),
      owner: r.ownerEmail ? { email: r.ownerEmail as string, name: r.ownerName as string } : null,
      service: r.serviceSlug ? { slug: r.serviceSlug as string, name: r.serviceName as string } : null,
      team: r.teamSlug ? { slug: r.teamSlug as string, name: r.teamName as string } : null,
      ticketUrl: r.ticketUrl as string | null,
      wontDoReason: r.wontDoReason as string | null,
      doneAt: isoOf(r.doneAt as string | null),
      version: r.version as number,
      parent: r.postmortemId
        ? {
            kind: "postmortem",
            id: r.postmortemId as string,
            incidentId: r.incidentId as string,
            incidentNumber: r.incidentNumber as number,
            title: r.incidentTitle as string,
          }
        : {
            kind: "problem",
            id: r.problemId as string,
            number: r.problemNumber as number,
            title: r.problemTitle as string,
          },
      createdAt: isoOf(r.createdAt as string) as string,
      updatedAt: isoOf(r.updatedAt as string) as string,
    };
  });
}

/** Every action item of one postmortem or problem (a handful; not paged). */
export function actionItemsOf(
  db: Queryable,
  parent: { postmortemId: string } | { problemId: string },
  now = new Date(),
) {
  return selectItems(db, whereOf(parent, now), now, 500);
}

export async function actionItem(db: Queryable, id: string, now = new Date()) {
  const [row] = await selectItems(db, sql`a.id = ${id}::uuid`, now, 1);
  return row ?? null;
}

/** A page of action items under the filter, open work first. */
export async function listActionItems(db: Queryable, filter: ActionItemFilter, page = 1, now = new Date()) {
  const where = whereOf(filter, now);
  const offset = (Math.max(1, page) - 1) * PAGE_SIZE;
  const [items, total] = await Promise.all([
    selectItems(db, where, now, PAGE_SIZE, offset),
    db.execute(sql`select count(*)::int as n ${FROM} where ${where}`),
  ]);
  return {
    items,
    total: rowsOf<{ n: number }>(total)[0]?.n ?? 0,
    page: Math.max(1, page),
    pageSize: PAGE_SIZE,
  };
}

/**
 * Overdue action items per team, by the team that owns each item's service: who has to act.
 * Items on no service (or an unowned one) are counted under `team: null`.
 */
export async function overdueByTeam(db: Queryable, now = new Date()) {
  const rows = rowsOf<{ slug: string | null; name: string | null; overdue: number }>(
    await db.execute(sql`
      select t.slug, t.name, count(*)::int as overdue ${FROM}
      where ${OPEN} and a.due_on < ${today(now)}::date
      group by t.slug, t.name order by overdue desc, t.name nulls last`),
  );
  return rows.map((r) => ({
    team: r.slug ? { slug: r.slug, name: r.name as string } : null,
    overdue: r.overdue,
  }));
}
