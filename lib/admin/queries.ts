import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lte,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { apiTokens, auditLog, services, teamMembers, teams, users } from "@/db/schema";
import type { Role } from "@/db/schema/enums";

export type UserFilter = { q?: string; role?: Role; status?: "active" | "deactivated" };

export async function listUsers(
  db: Queryable,
  filter: UserFilter,
  paging: { offset: number; pageSize: number },
) {
  const where: SQL[] = [];
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, "\\$&")}%`;
    where.push(or(ilike(users.email, like), ilike(users.name, like))!);
  }
  if (filter.role) where.push(eq(users.role, filter.role));
  if (filter.status === "active") where.push(isNull(users.deactivatedAt));
  if (filter.status === "deactivated") where.push(isNotNull(users.deactivatedAt));
  const condition = where.length ? and(...where) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        authProvider: users.authProvider,
        hasPassword: sql<boolean>`${users.passwordHash} is not null`,
        deactivatedAt: users.deactivatedAt,
        lastLoginAt: users.lastLoginAt,
        createdAt: users.createdAt,
        // Correlated subqueries name the outer table explicitly: drizzle leaves columns
        // unqualified in single-table selects, and a bare "id" would bind to the inner table.
        teams: sql<
          string[]
        >`coalesce((select array_agg(t.slug order by t.slug) from ${teamMembers} tm join ${teams} t on t.id = tm.team_id where tm.user_id = "users"."id"), '{}')`,
      })
      .from(users)
      .where(condition)
      .orderBy(asc(users.name), asc(users.email))
      .limit(paging.pageSize)
      .offset(paging.offset),
    db.select({ total: count() }).from(users).where(condition),
  ]);
  return { items: rows, total };
}

export async function getUser(db: Queryable, id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user ?? null;
}

/** An active user by email (emails are stored lower-case), as a token's owner is picked. */
export async function findActiveUserByEmail(db: Queryable, email: string) {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.email, email.trim().toLowerCase()), isNull(users.deactivatedAt)));
  return user ?? null;
}

export async function listTeams(db: Queryable) {
  return db
    .select({
      id: teams.id,
      slug: teams.slug,
      name: teams.name,
      description: teams.description,
      members: sql<number>`(select count(*)::int from ${teamMembers} tm where tm.team_id = "teams"."id")`,
      services: sql<number>`(select count(*)::int from ${services} s where s.owner_team_id = "teams"."id" and s.archived_at is null)`,
    })
    .from(teams)
    .orderBy(asc(teams.name));
}

/** Team names by slug, for the teams a page of users belongs to. */
export async function teamsBySlug(db: Queryable, slugs: string[]) {
  if (!slugs.length) return new Map<string, string>();
  const rows = await db
    .select({ slug: teams.slug, name: teams.name })
    .from(teams)
    .where(inArray(teams.slug, slugs));
  return new Map(rows.map((t) => [t.slug, t.name]));
}

export async function getTeamWithMembers(db: Queryable, slug: string) {
  const [team] = await db.select().from(teams).where(eq(teams.slug, slug));
  if (!team) return null;
  const members = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      memberRole: teamMembers.memberRole,
      deactivatedAt: users.deactivatedAt,
    })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(eq(teamMembers.teamId, team.id))
    .orderBy(desc(teamMembers.memberRole), asc(users.name));
  return { ...team, members };
}

const minter = alias(users, "minter");

/** Tokens, live ones first; `mintedByEmail` names the admin who made a token for someone else. */
export async function listTokens(db: Queryable, filter: { userId?: string }) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      scopes: apiTokens.scopes,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      createdAt: apiTokens.createdAt,
      userId: apiTokens.userId,
      ownerEmail: users.email,
      mintedByEmail: minter.email,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(minter, eq(minter.id, apiTokens.mintedByUserId))
    .where(filter.userId ? eq(apiTokens.userId, filter.userId) : undefined)
    .orderBy(sql`${apiTokens.revokedAt} is not null`, desc(apiTokens.createdAt));
}

export type AuditFilter = {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
};

export async function listAudit(
  db: Queryable,
  filter: AuditFilter,
  paging: { offset: number; pageSize: number },
) {
  const where: SQL[] = [];
  if (filter.actor) {
    // An admin's name also finds what was done with tokens they minted for others.
    const like = `%${filter.actor.replace(/[%_\\]/g, "\\$&")}%`;
    where.push(or(ilike(auditLog.actorLabel, like), ilike(auditLog.mintedByLabel, like))!);
  }
  if (filter.action)
    where.push(
      filter.action.endsWith(".")
        ? ilike(auditLog.action, `${filter.action}%`)
        : eq(auditLog.action, filter.action),
    );
  if (filter.entityType) where.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) where.push(eq(auditLog.entityId, filter.entityId));
  if (filter.from) where.push(gte(auditLog.at, filter.from));
  if (filter.to) where.push(lte(auditLog.at, filter.to));
  const condition = where.length ? and(...where) : undefined;
  const [items, [{ total }]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(condition)
      .orderBy(desc(auditLog.id))
      .limit(paging.pageSize)
      .offset(paging.offset),
    db.select({ total: count() }).from(auditLog).where(condition),
  ]);
  return { items, total };
}

export async function auditFacets(db: Queryable) {
  const [actions, entityTypes] = await Promise.all([
    db.selectDistinct({ v: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)),
    db.selectDistinct({ v: auditLog.entityType }).from(auditLog).orderBy(asc(auditLog.entityType)),
  ]);
  return { actions: actions.map((r) => r.v), entityTypes: entityTypes.map((r) => r.v) };
}
