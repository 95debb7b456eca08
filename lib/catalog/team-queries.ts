import { asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { teamMembers, teams } from "@/db/schema";

export async function teamsOfUser(db: Queryable, userId: string) {
  return db
    .select({ id: teams.id, slug: teams.slug, name: teams.name, memberRole: teamMembers.memberRole })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.userId, userId))
    .orderBy(asc(teams.name));
}
