import { asc, eq, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { users } from "@/db/schema/catalog";
import {
  type IncidentStatus,
  type PostmortemStatus,
  postmortemReviewers,
  postmortems,
  type Severity,
} from "@/db/schema/incidents";
import { actionItemsOf } from "./action-item-queries";
import { isPastDue, today } from "./business-days";
import { incidentDetail } from "./detail";
import { POSTMORTEM_DUE_BUSINESS_DAYS } from "./postmortem-rules";
import { PAGE_SIZE } from "./queries";

const iso = (d: Date | null) => d?.toISOString() ?? null;

export type PostmortemDetail = NonNullable<Awaited<ReturnType<typeof postmortemDetail>>>;

/**
 * A postmortem with what its page shows beside it: the reviewers and their approvals, the
 * incident (with its timeline, read now rather than copied, so corrections show) and the
 * action items it raised. Null when there is none.
 */
export async function postmortemDetail(
  db: Queryable,
  by: { id: string } | { incidentId: string },
  now = new Date(),
) {
  const [row] = await db
    .select({ pm: postmortems, authorEmail: users.email, authorName: users.name })
    .from(postmortems)
    .leftJoin(users, eq(users.id, postmortems.authorId))
    .where("id" in by ? eq(postmortems.id, by.id) : eq(postmortems.incidentId, by.incidentId));
  if (!row) return null;
  const pm = row.pm;
  const [incident, reviewers, actionItems] = await Promise.all([
    incidentDetail(db, pm.incidentId),
    db
      .select({
        email: users.email,
        name: users.name,
        approvedAt: postmortemReviewers.approvedAt,
        comment: postmortemReviewers.comment,
      })
      .from(postmortemReviewers)
      .innerJoin(users, eq(users.id, postmortemReviewers.userId))
      .where(eq(postmortemReviewers.postmortemId, pm.id))
      .orderBy(asc(users.name)),
    actionItemsOf(db, { postmortemId: pm.id }, now),
  ]);
  if (!incident) return null;
  return {
    id: pm.id,
    incidentId: pm.incidentId,
    status: pm.status,
    summary: pm.summary,
    impact: pm.impact,
    rootCauses: pm.rootCauses,
    trigger: pm.trigger,
    resolution: pm.resolution,
    detection: pm.detection,
    wentWell: pm.wentWell,
    wentWrong: pm.wentWrong,
    lucky: pm.lucky,
    links: pm.links,
    author: row.authorEmail ? { email: row.authorEmail, name: row.authorName as string } : null,
    dueOn: pm.dueOn,
    overdue: pm.status !== "published" && isPastDue(pm.dueOn, now),
    publishedAt: iso(pm.publishedAt),
    version: pm.version,
    reviewers: reviewers.map((r) => ({ ...r, approvedAt: iso(r.approvedAt) })),
    incident,
    actionItems,
    createdAt: pm.createdAt.toISOString(),
    updatedAt: pm.updatedAt.toISOString(),
  };
}

export type PostmortemFilter = { status?: PostmortemStatus; overdue?: boolean };

export type PostmortemRow = {
  /** Null for a major incident whose postmortem nobody has started. */
  id: string | null;
  status: PostmortemStatus | null;
  incident: {
    id: string;
    number: number;
    title: string;
    severity: Severity;
    status: IncidentStatus;
    resolvedAt: string | null;
    services: string[];
  };
  author: { email: string; name: string } | null;
  dueOn: string | null;
  overdue: boolean;
  publishedAt: string | null;
  updatedAt: string | null;
};

/**
 * The due day of a postmortem nobody started: five working days (Mon–Fri, UTC) after the
 * resolution, as businessDaysAfter counts them; the tests hold the two to each other.
 */
export const missingDueDay = (resolvedAt: SQL) => sql`(
  select d::date from generate_series((${resolvedAt} at time zone 'UTC')::date + 1,
    (${resolvedAt} at time zone 'UTC')::date + 14, interval '1 day') d
  where extract(isodow from d) < 6 order by d offset ${POSTMORTEM_DUE_BUSINESS_DAYS - 1} limit 1)`;

type Raw = Omit<PostmortemRow, "incident" | "author" | "publishedAt" | "updatedAt"> & {
  incidentId: string;
  number: number;
  title: string;
  severity: Severity;
  incidentStatus: IncidentStatus;
  resolvedAt: string | Date | null;
  services: string[];
  authorEmail: string | null;
  authorName: string | null;
  publishedAt: string | Date | null;
  updatedAt: string | Date | null;
};
const isoOf = (v: string | Date | null) => (v ? new Date(v).toISOString() : null);

/**
 * Postmortems, one page at a time. `overdue` lists what is late: unpublished postmortems
 * past their due day, and resolved sev1/sev2 incidents with no postmortem at all past the
 * five working days one is due in — both need someone to write.
 */
export async function listPostmortems(db: Queryable, filter: PostmortemFilter, page = 1, now = new Date()) {
  const day = today(now);
  const missing = sql`p.id is null and i.severity in ('sev1', 'sev2') and i.status in ('resolved', 'closed')
    and i.resolved_at is not null`;
  const due = sql`coalesce(p.due_on, case when p.id is null then ${missingDueDay(sql`i.resolved_at`)} end)`;
  const where: SQL[] = [filter.overdue ? sql`(p.id is not null or (${missing}))` : sql`p.id is not null`];
  if (filter.status) where.push(sql`p.status = ${filter.status}`);
  if (filter.overdue)
    where.push(sql`(p.status is null or p.status <> 'published') and ${due} < ${day}::date`);
  const offset = (Math.max(1, page) - 1) * PAGE_SIZE;
  const from = sql`from incidents i
      left join postmortems p on p.incident_id = i.id
      left join users u on u.id = p.author_id
      where ${sql.join(where, sql` and `)}`;
  const [rows, total] = await Promise.all([
    db.execute(sql`
      select p.id, p.status, i.id as "incidentId", i.number, i.title, i.severity, i.status as "incidentStatus",
        i.resolved_at as "resolvedAt", to_char(${due}, 'YYYY-MM-DD') as "dueOn", p.published_at as "publishedAt",
        p.updated_at as "updatedAt", u.email as "authorEmail", u.name as "authorName",
        array(select s.slug from incident_services x join services s on s.id = x.service_id
              where x.incident_id = i.id order by s.slug) as services
      ${from}
      order by ${filter.overdue ? sql`${due} asc, i.number` : sql`p.updated_at desc, i.number desc`}
      limit ${PAGE_SIZE} offset ${offset}`),
    db.execute(sql`select count(*)::int as n ${from}`),
  ]);
  const items: PostmortemRow[] = rowsOf<Raw>(rows).map((r) => ({
    id: r.id,
    status: r.status,
    incident: {
      id: r.incidentId,
      number: r.number,
      title: r.title,
      severity: r.severity,
      status: r.incidentStatus,
      resolvedAt: isoOf(r.resolvedAt),
      services: r.services,
    },
    author: r.authorEmail ? { email: r.authorEmail, name: r.authorName as string } : null,
    dueOn: r.dueOn,
    overdue: r.status !== "published" && isPastDue(r.dueOn, now),
    publishedAt: isoOf(r.publishedAt),
    updatedAt: isoOf(r.updatedAt),
  }));
  return {
    items,
    total: rowsOf<{ n: number }>(total)[0]?.n ?? 0,
    page: Math.max(1, page),
    pageSize: PAGE_SIZE,
  };
}
