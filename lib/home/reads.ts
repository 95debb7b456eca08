import "server-only";
import { z } from "zod";
import { ROLES, type Role } from "@/db/schema/enums";
import { can } from "@/lib/auth/actor";
import { memberTeamIds, teamsOfUser } from "@/lib/catalog/queries";
import { listActionItems } from "@/lib/incidents/action-item-queries";
import { myActiveIncidents } from "@/lib/incidents/my-incidents-queries";
import { defineQuery } from "@/lib/query/define";
import { pageText } from "@/lib/query/page-params";
import { readinessOverview } from "./readiness";
import { sectionsOf } from "./sections";
import { workQueue } from "./work-queue";

/** How many of the caller's action items the home lists; the rest are a link away. */
export const HOME_ACTION_ITEMS = 8;

/** The caller's open action items, overdue first (soonest due first), and how many are overdue. */
async function myActionItems(db: Parameters<typeof listActionItems>[0], ownerId: string) {
  const [open, overdue] = await Promise.all([
    listActionItems(db, { ownerId, status: "active" }),
    listActionItems(db, { ownerId, overdue: true }),
  ]);
  return { items: open.items.slice(0, HOME_ACTION_ITEMS), total: open.total, overdue: overdue.total };
}

/**
 * The home page: it depends on the role (DESIGN.md), and `?as=role` opens another role's
 * home, so anyone can see what a colleague starts from. Only the sections of that home are
 * read; each is the caller's own (their teams, their incidents), whichever role's home they open.
 */
export const homePageRead = defineQuery({
  name: "home.page",
  permission: "catalog.read",
  input: z.object({ as: pageText }),
  async run({ db, actor }, input) {
    const own: Role = actor.kind === "user" ? actor.user.role : "admin";
    const role = ROLES.find((r) => r === input.as) ?? own;
    const sections = sectionsOf(role);
    const has = (s: (typeof sections)[number]) => sections.includes(s);
    const userId = actor.kind === "user" ? actor.user.id : null;
    // The incident sections read incidents: they follow that permission, not the catalog's.
    const incidents = userId && can(actor, "incident.read") ? userId : null;
    const now = new Date();
    const [readiness, queue, myTeams, myIncidents, actionItems] = await Promise.all([
      has("readiness") ? readinessOverview(db, now) : null,
      has("work-queue")
        ? (async () => workQueue(db, userId ? await memberTeamIds(db, userId) : [], now))()
        : null,
      has("my-teams") && userId ? teamsOfUser(db, userId) : [],
      has("my-incidents") && incidents ? myActiveIncidents(db, incidents) : null,
      has("my-action-items") && incidents ? myActionItems(db, incidents) : null,
    ]);
    return { role, sections, readiness, queue, myTeams, myIncidents, actionItems };
  },
});
