import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { savedViews, teamMembers, teams, userPreferences, users } from "@/db/schema";
import { type CatalogColumn, DEFAULT_COLUMNS } from "@/lib/catalog/columns";

/** The views a person can open on a list: their own, then those shared with their teams. */
export async function viewsFor(db: Queryable, userId: string, list: "catalog") {
  const myTeams = db
    .select({ id: teamMembers.teamId })
    .from(teamMembers)
    .where(eq(teamMembers.userId, userId));
  const rows = await db
    .select({
      id: savedViews.id,
      name: savedViews.name,
      query: savedViews.query,
      columns: savedViews.columns,
      ownerId: savedViews.ownerId,
      ownerName: users.name,
      teamName: teams.name,
    })
    .from(savedViews)
    .innerJoin(users, eq(users.id, savedViews.ownerId))
    .leftJoin(teams, eq(teams.id, savedViews.teamId))
    .where(
      and(eq(savedViews.list, list), or(eq(savedViews.ownerId, userId), inArray(savedViews.teamId, myTeams))),
    )
    .orderBy(asc(savedViews.name), asc(savedViews.id));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    query: r.query,
    columns: r.columns as CatalogColumn[],
    mine: r.ownerId === userId,
    sharedWith: r.teamName,
    ownerName: r.ownerName,
  }));
}

export type ViewSummary = Awaited<ReturnType<typeof viewsFor>>[number];

/** The person's own catalog columns, or the default set. */
export async function catalogColumnsOf(db: Queryable, userId: string): Promise<CatalogColumn[]> {
  const [row] = await db
    .select({ columns: userPreferences.catalogColumns })
    .from(userPreferences)
    .where(and(eq(userPreferences.userId, userId)));
  return (row?.columns as CatalogColumn[] | null) ?? [...DEFAULT_COLUMNS];
}
