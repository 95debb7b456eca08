import "server-only";
import { z } from "zod";
import { ROLES, type Role } from "@/db/schema/enums";
import { memberTeamIds, teamsOfUser } from "@/lib/catalog/queries";
import { defineQuery } from "@/lib/query/define";
import { pageText } from "@/lib/query/page-params";
import { readinessOverview } from "./readiness";
import { sectionsOf } from "./sections";
import { workQueue } from "./work-queue";

/**
 * The home page: it depends on the role (DESIGN.md), and `?as=role` opens another role's
 * home, so anyone can see what a colleague starts from. Only the sections of that home are
 * read; each is the caller's own (their teams), whichever role's home they open.
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
    const now = new Date();
    const [readiness, queue, myTeams] = await Promise.all([
      has("readiness") ? readinessOverview(db, now) : null,
      has("work-queue")
        ? (async () => workQueue(db, userId ? await memberTeamIds(db, userId) : [], now))()
        : null,
      has("my-teams") && userId ? teamsOfUser(db, userId) : [],
    ]);
    return { role, sections, readiness, queue, myTeams };
  },
});
