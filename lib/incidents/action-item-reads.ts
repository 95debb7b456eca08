import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema/catalog";
import { flag, slugParam } from "@/lib/api/params";
import type { Actor } from "@/lib/auth/actor";
import { defineQuery } from "@/lib/query/define";
import { actionItem, listActionItems, overdueByTeam } from "./action-item-queries";
import { actionStatusField } from "./action-item-schemas";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
const flagged = z.preprocess((v) => (typeof v === "boolean" ? String(v) : v), flag);
/** Matches nobody: an owner filter naming someone unknown finds nothing rather than everything. */
const NOBODY = "00000000-0000-0000-0000-000000000000";

export const listActionItemsInput = z.object({
  owner: optional(z.string().trim().toLowerCase().max(320)).describe("`me`, or the owner's email"),
  overdue: flagged.describe("only open or in-progress items due before today (UTC)"),
  team: optional(slugParam).describe("the team owning the item's service"),
  service: optional(slugParam).describe("the service the work is on"),
  postmortem: optional(z.uuid("Not a postmortem id.")).describe("raised from this postmortem"),
  problem: optional(z.uuid("Not a problem id.")).describe("raised from this problem"),
  status: optional(z.union([actionStatusField, z.literal("active")])).describe(
    "a status, or `active` for open and in progress",
  ),
  page: optional(z.coerce.number().int().min(1).max(10_000)),
});

async function ownerId(db: Db, actor: Actor, owner: string | undefined) {
  if (!owner) return undefined;
  if (owner === "me") return actor.kind === "user" ? actor.user.id : NOBODY;
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, owner));
  return row?.id ?? NOBODY;
}

/** Action items under the filter, open work first (soonest due first), each flagged when overdue. */
export const listActionItemsRead = defineQuery({
  name: "action_item.list",
  permission: "incident.read",
  input: listActionItemsInput,
  async run({ db, actor }, { owner, postmortem, problem, page, ...filter }) {
    const id = await ownerId(db, actor, owner);
    return listActionItems(
      db,
      { ...filter, ownerId: id, postmortemId: postmortem, problemId: problem },
      page,
    );
  },
});

/** "My action items": the caller's own, open first, for the home page. */
export const myActionItemsRead = defineQuery({
  name: "action_item.mine",
  permission: "incident.read",
  input: z.object({ page: optional(z.coerce.number().int().min(1).max(10_000)) }),
  run: ({ db, actor }, { page }) =>
    listActionItems(db, { ownerId: actor.kind === "user" ? actor.user.id : NOBODY }, page),
});

/** How many overdue action items each team has, most first. */
export const overdueActionItemsByTeamRead = defineQuery({
  name: "action_item.overdue_by_team",
  permission: "incident.read",
  input: z.object({}),
  run: async ({ db }) => ({ teams: await overdueByTeam(db) }),
});

export const actionItemRead = defineQuery({
  name: "action_item.read",
  permission: "incident.read",
  input: z.object({ id: z.uuid("Not an action item id.") }),
  run: ({ db }, { id }) => actionItem(db, id),
});
