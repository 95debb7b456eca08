import "server-only";
import { z } from "zod";
import { ROLES, type Role } from "@/db/schema/enums";
import { catalogSummary, teamsOfUser } from "@/lib/catalog/queries";
import { defineQuery } from "@/lib/query/define";
import { pageText } from "@/lib/query/page-params";

/**
 * The home page: it depends on the role (DESIGN.md), and `?as=role` opens another role's
 * home, so anyone can see what a colleague starts from. Every home reads the catalog.
 */
export const homePageRead = defineQuery({
  name: "home.page",
  permission: "catalog.read",
  input: z.object({ as: pageText }),
  async run({ db, actor }, input) {
    const own: Role = actor.kind === "user" ? actor.user.role : "admin";
    const role = ROLES.find((r) => r === input.as) ?? own;
    const [summary, myTeams] = await Promise.all([
      catalogSummary(db),
      actor.kind === "user" ? teamsOfUser(db, actor.user.id) : Promise.resolve([]),
    ]);
    return { role, summary, myTeams };
  },
});
