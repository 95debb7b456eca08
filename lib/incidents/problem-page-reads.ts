import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { rowsOf } from "@/db/rows";
import { services } from "@/db/schema/catalog";
import { PROBLEM_STATES } from "@/db/schema/incidents";
import { type Actor, can } from "@/lib/auth/actor";
import { defineQuery } from "@/lib/query/define";
import { pageNumber, pageSlug, pageText } from "@/lib/query/page-params";
import { listProblems, openSuggestions, problemDetail } from "./problem-queries";

const STATE_FILTERS = [...PROBLEM_STATES, "open"] as const;
const me = (actor: Actor) => (actor.kind === "user" ? actor.user.email : "");

/** A stale link with a state or service the page cannot use still opens, unfiltered by it. */
export const problemListPageInput = z.object({
  state: pageText.transform((v) =>
    (STATE_FILTERS as readonly string[]).includes(v ?? "")
      ? (v as (typeof STATE_FILTERS)[number])
      : undefined,
  ),
  service: pageSlug,
  q: pageText.transform((v) => v?.trim().slice(0, 200) || undefined),
  page: pageNumber,
});

/**
 * The problem list page: one page of problems under the filter, the open suggestions (on
 * the filtered service, if any), the services worth filtering by, and whether the viewer may act.
 */
export const problemListPageRead = defineQuery({
  name: "problem.list_page",
  permission: "incident.read",
  input: problemListPageInput,
  async run({ db, actor }, { page, ...filter }) {
    const [list, suggestions, choices] = await Promise.all([
      listProblems(db, filter, page),
      openSuggestions(db, { service: filter.service }),
      // Only services that have a problem or a suggestion: the others would filter to nothing.
      db.execute(sql`
        select s.slug, s.name from services s
        where exists (select 1 from problems p where p.service_id = s.id)
          or exists (select 1 from problem_suggestions g where g.service_id = s.id and g.state = 'open')
        order by s.name`),
    ]);
    return {
      filter,
      ...list,
      suggestions,
      services: rowsOf<{ slug: string; name: string }>(choices),
      mayManage: can(actor, "problem.manage"),
    };
  },
});

/** The problem page: the problem with its incidents, action items and history, and what the viewer may do. */
export const problemPageRead = defineQuery({
  name: "problem.page",
  permission: "incident.read",
  input: z.object({ id: z.string() }),
  async run({ db, actor }, { id }) {
    if (!z.uuid().safeParse(id).success) return null;
    const problem = await problemDetail(db, id);
    if (!problem) return null;
    return {
      problem,
      mayManage: can(actor, "problem.manage"),
      mayManageActions: can(actor, "action_item.manage"),
      me: me(actor),
    };
  },
});

/** The new-problem form: who is opening it (the default owner) and the service it was opened from, if any. */
export const newProblemPageRead = defineQuery({
  name: "problem.new_page",
  permission: "problem.manage",
  input: z.object({ service: pageSlug }),
  async run({ db, actor }, { service }) {
    const [from] = service
      ? await db
          .select({ slug: services.slug })
          .from(services)
          .where(and(eq(services.slug, service), isNull(services.archivedAt)))
      : [];
    return { me: me(actor), service: from?.slug ?? "" };
  },
});
