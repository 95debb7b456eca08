import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { teams, users } from "@/db/schema/catalog";
import { flag, slugParam } from "@/lib/api/params";
import { type Actor, can } from "@/lib/auth/actor";
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

/** A filter value the page does not know falls back to "all", so a stale link still opens. */
const lenient = <T extends z.ZodType>(schema: T) => optional(schema).catch(undefined);

export const actionItemsPageInput = z.object({
  owner: lenient(z.literal("me")),
  overdue: flagged.catch(false),
  team: lenient(slugParam),
  service: lenient(slugParam),
  status: lenient(z.union([actionStatusField, z.literal("active")])),
  page: lenient(z.coerce.number().int().min(1).max(10_000)),
});

/**
 * The action items page: one page of items under the filter, the overdue count of every
 * team (the summary at its top), the teams to filter by, and whether the viewer may work them.
 */
export const actionItemsPageRead = defineQuery({
  name: "action_item.page",
  permission: "incident.read",
  input: actionItemsPageInput,
  async run({ db, actor }, { owner, page, ...filter }) {
    const id = await ownerId(db, actor, owner);
    const [list, byTeam, teamRows] = await Promise.all([
      listActionItems(db, { ...filter, ownerId: id }, page),
      overdueByTeam(db),
      db.select({ slug: teams.slug, name: teams.name }).from(teams).orderBy(asc(teams.name)),
    ]);
    return {
      filter: { owner, ...filter },
      ...list,
      overdueByTeam: byTeam,
      teams: teamRows,
      mayManage: can(actor, "action_item.manage"),
      me: actor.kind === "user" ? actor.user.email : null,
    };
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
