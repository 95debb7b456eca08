import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { services, teams } from "@/db/schema/catalog";
import { TIERS } from "@/db/schema/enums";
import { INCIDENT_STATUSES, SEVERITIES } from "@/db/schema/incidents";
import { can } from "@/lib/auth/actor";
import { defineQuery } from "@/lib/query/define";
import { pageDay, pageEnum } from "@/lib/query/page-params";
import { incidentDetail } from "./detail";
import { listIncidents } from "./queries";

const slug = z
  .string()
  .max(63)
  .optional()
  .transform((v) => v || undefined);

export const incidentListPageInput = z.object({
  service: slug,
  team: slug,
  tier: pageEnum(TIERS),
  severity: pageEnum(SEVERITIES),
  status: pageEnum([...INCIDENT_STATUSES, "active"] as const),
  postmortem: pageEnum(["yes", "no"] as const),
  from: pageDay,
  to: pageDay,
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

const startOf = (d?: string) => (d ? new Date(`${d}T00:00:00Z`) : undefined);
/** `to` names the last day shown, so the query's exclusive end is the next midnight. */
const endOf = (d?: string) => (d ? new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000) : undefined);

/** The incident list page: one page under the filter, and the teams to filter by. */
export const incidentListPageRead = defineQuery({
  name: "incident.list_page",
  permission: "incident.read",
  input: incidentListPageInput,
  async run({ db, actor }, { page, from, to, q, ...filter }) {
    const [list, teamRows] = await Promise.all([
      listIncidents(db, { ...filter, q: q || undefined, from: startOf(from), to: endOf(to) }, page),
      db.select({ slug: teams.slug, name: teams.name }).from(teams).orderBy(asc(teams.name)),
    ]);
    return {
      filter: { ...filter, from, to, q },
      ...list,
      teams: teamRows,
      mayDeclare: can(actor, "incident.declare"),
    };
  },
});

/** The incident page: the detail, what the viewer may do, and the services and people to pick from. */
export const incidentPageRead = defineQuery({
  name: "incident.page",
  permission: "incident.read",
  input: z.object({ id: z.string() }),
  async run({ db, actor }, { id }) {
    if (!z.uuid().safeParse(id).success) return null;
    const detail = await incidentDetail(db, id);
    if (!detail) return null;
    return {
      incident: detail,
      mayUpdate: can(actor, "incident.update"),
      mayWritePostmortem: can(actor, "postmortem.write"),
    };
  },
});

/** The declare form: who is declaring (the default commander) and the service it was opened from, if any. */
export const declarePageRead = defineQuery({
  name: "incident.declare_page",
  permission: "incident.declare",
  input: z.object({ service: slug }),
  async run({ db, actor }, { service }) {
    const [from] = service
      ? await db
          .select({ slug: services.slug, name: services.name })
          .from(services)
          .where(and(eq(services.slug, service), isNull(services.archivedAt)))
      : [];
    return { service: from ?? null, me: actor.kind === "user" ? actor.user.email : "" };
  },
});

/** A service page's incident card: its latest three, how many it has had, how many are active. */
export const serviceIncidentsRead = defineQuery({
  name: "incident.of_service",
  permission: "incident.read",
  input: z.object({ service: z.string().max(100) }),
  async run({ db, actor }, { service }) {
    const [latest, active] = await Promise.all([
      listIncidents(db, { service }, 1),
      listIncidents(db, { service, status: "active" }, 1),
    ]);
    return {
      recent: latest.items.slice(0, 3).map(({ id, number, title, severity, status, declaredAt }) => ({
        id,
        number,
        title,
        severity,
        status,
        declaredAt,
      })),
      total: latest.total,
      active: active.total,
      mayDeclare: can(actor, "incident.declare"),
    };
  },
});
