import { z } from "zod";
import { flag } from "@/lib/api/params";
import { can } from "@/lib/auth/actor";
import { defineQuery } from "@/lib/query/define";
import { incidentDetail } from "./detail";
import { impactStart } from "./lifecycle";
import { listPostmortems, postmortemDetail } from "./postmortem-queries";
import { defaultDueOn, impactDraft } from "./postmortem-rules";
import { postmortemStatusField } from "./postmortem-schemas";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
/** `overdue=1` from a URL, or `true` from a page's own call. */
const flagged = z.preprocess((v) => (typeof v === "boolean" ? String(v) : v), flag);

export const listPostmortemsInput = z.object({
  status: optional(postmortemStatusField),
  overdue: flagged.describe(
    "only what is late: unpublished postmortems past their due day, and resolved sev1/sev2 incidents with none past five working days",
  ),
  page: optional(z.coerce.number().int().min(1).max(10_000)),
});

export const listPostmortemsRead = defineQuery({
  name: "postmortem.list",
  permission: "incident.read",
  input: listPostmortemsInput,
  run: ({ db }, { page, ...filter }) => listPostmortems(db, filter, page),
});

/** Unknown filter values fall back to "all" on the page (a stale link still opens), unlike the API's 400. */
export const postmortemListPageRead = defineQuery({
  name: "postmortem.list_page",
  permission: "incident.read",
  input: z.object({
    status: postmortemStatusField.optional().catch(undefined),
    overdue: flagged.catch(false),
    page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
  }),
  async run({ db }, { page, ...filter }) {
    return { filter, ...(await listPostmortems(db, filter, page)) };
  },
});

export const postmortemRead = defineQuery({
  name: "postmortem.read",
  permission: "incident.read",
  input: z.object({ id: z.uuid("Not a postmortem id.") }),
  run: ({ db }, { id }) => postmortemDetail(db, { id }),
});

/** The postmortem of an incident (`id` is the incident's). */
export const incidentPostmortemRead = defineQuery({
  name: "postmortem.of_incident",
  permission: "incident.read",
  input: z.object({ id: z.uuid("Not an incident id.") }),
  run: ({ db }, { id }) => postmortemDetail(db, { incidentId: id }),
});

/**
 * The postmortem page of an incident: the postmortem (or, before there is one, what a new
 * one would start from) and what the viewer may do with it. Null when there is no incident.
 */
export const postmortemPageRead = defineQuery({
  name: "postmortem.page",
  permission: "incident.read",
  input: z.object({ incidentId: z.string() }),
  async run({ db, actor }, { incidentId }) {
    if (!z.uuid().safeParse(incidentId).success) return null;
    const [incident, postmortem] = await Promise.all([
      incidentDetail(db, incidentId),
      postmortemDetail(db, { incidentId }),
    ]);
    if (!incident) return null;
    const me = actor.kind === "user" ? actor.user.email : null;
    const times = {
      severity: incident.severity,
      declaredAt: new Date(incident.declaredAt as string),
      impactStartedAt: incident.impactStartedAt ? new Date(incident.impactStartedAt) : null,
      resolvedAt: incident.resolvedAt ? new Date(incident.resolvedAt) : null,
    };
    return {
      incident,
      postmortem,
      /** What "Start the postmortem" fills in; the command computes the same itself. */
      draft: postmortem
        ? null
        : {
            impact: impactDraft({
              services: incident.services,
              impactStart: impactStart(times),
              resolvedAt: times.resolvedAt,
            }),
            dueOn: defaultDueOn(times),
          },
      mayWrite: can(actor, "postmortem.write") && postmortem?.status !== "published",
      mayApprove:
        can(actor, "postmortem.review") &&
        postmortem?.status === "in_review" &&
        postmortem.reviewers.some((r) => r.email === me && !r.approvedAt),
      isAuthor: Boolean(me && postmortem?.author?.email === me),
      /** Action items stay workable after publishing: the follow-up outlives the write-up. */
      mayManageActions: can(actor, "action_item.manage"),
    };
  },
});
