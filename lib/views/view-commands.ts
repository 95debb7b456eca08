import { and, eq, sql } from "drizzle-orm";
import { savedViews, teamMembers, userPreferences } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/actor";
import { catalogHref } from "@/lib/catalog/href";
import { parseCatalogFilter } from "@/lib/catalog/list-filter";
import { teamIdBySlug } from "@/lib/catalog/ownership";
import { defineCommand } from "@/lib/command/define";
import { fail } from "@/lib/command/result";
import { queryOf } from "./href";
import { deleteViewInput, saveViewInput, setColumnsInput } from "./schemas";

function userOf(actor: Actor) {
  if (actor.kind !== "user") throw fail.forbidden("Views and preferences belong to a signed-in person.");
  return actor.user;
}

/**
 * The filters as the catalog itself would write them: unknown parameters and values it
 * would ignore are dropped, so a view never stores what it cannot show.
 */
export function normaliseCatalogQuery(query: string): string {
  const params = new URLSearchParams(query.replace(/^\?/, ""));
  return queryOf(catalogHref(parseCatalogFilter((k) => params.get(k) ?? undefined)));
}

/** Saves a named set of filters and columns, private or shared with one of the person's teams. */
export const saveView = defineCommand({
  name: "view.save",
  permission: "view.manage_own",
  input: saveViewInput,
  async run({ tx, actor, audit }, input) {
    const user = userOf(actor);
    const teamId = input.team ? await teamIdBySlug(tx, input.team, "team") : null;
    if (teamId && !can(actor, "team.manage")) {
      const [member] = await tx
        .select({ teamId: teamMembers.teamId })
        .from(teamMembers)
        .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, user.id)));
      if (!member) throw fail.forbidden("You can share a view only with a team you belong to.");
    }
    const [clash] = await tx
      .select({ id: savedViews.id })
      .from(savedViews)
      .where(
        and(
          eq(savedViews.ownerId, user.id),
          eq(savedViews.list, input.list),
          sql`lower(${savedViews.name}) = lower(${input.name})`,
        ),
      );
    if (clash)
      throw fail.conflict(`You already have a view named “${input.name}”.`, {
        name: "You already have a view with this name; choose another or delete the old one.",
      });
    const [view] = await tx
      .insert(savedViews)
      .values({
        list: input.list,
        name: input.name,
        ownerId: user.id,
        teamId,
        query: normaliseCatalogQuery(input.query),
        columns: input.columns,
      })
      .returning();
    await audit({ entityType: "saved_view", entityId: view.id, after: view });
    return view;
  },
});

/** Deletes one of the person's own views (an admin may remove any shared one). */
export const deleteView = defineCommand({
  name: "view.delete",
  permission: "view.manage_own",
  input: deleteViewInput,
  async run({ tx, actor, audit }, input) {
    const user = userOf(actor);
    const [view] = await tx.select().from(savedViews).where(eq(savedViews.id, input.id));
    if (!view) throw fail.notFound("That view no longer exists.");
    if (view.ownerId !== user.id && !can(actor, "team.manage"))
      throw fail.forbidden("Only the person who saved a view may delete it.");
    await tx.delete(savedViews).where(eq(savedViews.id, view.id));
    await audit({ entityType: "saved_view", entityId: view.id, before: view });
    return view;
  },
});

/** The catalog columns this person sees from now on, on every device. */
export const setCatalogColumns = defineCommand({
  name: "preference.catalog_columns",
  permission: "view.manage_own",
  input: setColumnsInput,
  async run({ tx, actor, audit, unchanged }, input) {
    const user = userOf(actor);
    const [before] = await tx.select().from(userPreferences).where(eq(userPreferences.userId, user.id));
    if (before?.catalogColumns && before.catalogColumns.join() === input.columns.join()) {
      unchanged();
      return before;
    }
    const [after] = await tx
      .insert(userPreferences)
      .values({ userId: user.id, catalogColumns: input.columns })
      .onConflictDoUpdate({
        target: userPreferences.userId,
        set: { catalogColumns: input.columns, updatedAt: new Date() },
      })
      .returning();
    await audit({ entityType: "user_preference", entityId: user.id, before: before ?? null, after });
    return after;
  },
});
