import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { teamMembers, teams, users } from "@/db/schema";
import { defineCommand } from "@/lib/command/define";
import { fail } from "@/lib/command/result";
import { descriptionField, emailField, nameField, slugField } from "./schemas";

export const createTeam = defineCommand({
  name: "team.create",
  permission: "team.manage",
  input: z.object({ slug: slugField, name: nameField, description: descriptionField }),
  async run({ tx, audit }, input) {
    const [existing] = await tx.select({ name: teams.name }).from(teams).where(eq(teams.slug, input.slug));
    if (existing)
      throw fail.conflict(`The slug is taken by the team "${existing.name}".`, { slug: "Already taken." });
    const [team] = await tx.insert(teams).values(input).returning();
    await audit({ entityType: "team", entityId: team.id, after: team });
    return team;
  },
});

export const updateTeam = defineCommand({
  name: "team.update",
  permission: "team.manage",
  input: z.object({ slug: slugField, name: nameField, description: descriptionField }),
  async run({ tx, audit }, input) {
    const before = await loadTeam(tx, input.slug);
    const [after] = await tx
      .update(teams)
      .set({ name: input.name, description: input.description, updatedAt: new Date() })
      .where(eq(teams.id, before.id))
      .returning();
    await audit({ entityType: "team", entityId: after.id, before, after });
    return after;
  },
});

export const addTeamMember = defineCommand({
  name: "team.add_member",
  permission: "team.manage",
  input: z.object({
    team: slugField,
    email: emailField,
    memberRole: z.enum(["member", "lead"]).default("member"),
  }),
  async run({ tx, audit }, input) {
    const team = await loadTeam(tx, input.team);
    const [user] = await tx.select().from(users).where(eq(users.email, input.email));
    if (!user) throw fail.invalid("No user has that email.", { email: "No user has that email." });
    const [row] = await tx
      .insert(teamMembers)
      .values({ teamId: team.id, userId: user.id, memberRole: input.memberRole })
      .onConflictDoUpdate({
        target: [teamMembers.teamId, teamMembers.userId],
        set: { memberRole: input.memberRole },
      })
      .returning();
    await audit({
      entityType: "team",
      entityId: team.id,
      after: { member: user.email, memberRole: row.memberRole },
    });
    return { team: team.slug, email: user.email, memberRole: row.memberRole };
  },
});

export const removeTeamMember = defineCommand({
  name: "team.remove_member",
  permission: "team.manage",
  input: z.object({ team: slugField, userId: z.uuid() }),
  async run({ tx, audit }, input) {
    const team = await loadTeam(tx, input.team);
    const removed = await tx
      .delete(teamMembers)
      .where(and(eq(teamMembers.teamId, team.id), eq(teamMembers.userId, input.userId)))
      .returning();
    if (!removed.length) throw fail.notFound("That person is not a member of this team.");
    await audit({
      entityType: "team",
      entityId: team.id,
      before: { memberUserId: input.userId },
      after: null,
    });
    return { team: team.slug, userId: input.userId };
  },
});

async function loadTeam(tx: Tx, slug: string) {
  const [team] = await tx.select().from(teams).where(eq(teams.slug, slug));
  if (!team) throw fail.notFound(`No team with slug "${slug}".`);
  return team;
}
