import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, serviceDependencies, services, teamMembers, teams, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { refreshScorecards } from "@/lib/catalog/scorecard-store";
import { seedDemoIncidents } from "./demo-incidents";
import { DEMO_PASSWORD, DEMO_TEAMS, DEMO_USERS } from "./demo-org";
import { DEMO_SERVICES } from "./demo-services";
import { seedDemoSlos } from "./demo-slos";

const DAY = 86_400_000;

/**
 * Fills an empty database with the demo organisation. Refuses to run twice: it is meant
 * for a fresh demo or test database, never for one that holds real data.
 */
export async function seedDemo(
  db: Db,
  now = new Date(),
  { sloHistoryDays = 90, incidentHistoryDays = 365 } = {},
) {
  const [existing] = await db.select({ id: teams.id }).from(teams).where(eq(teams.slug, "payments"));
  if (existing) return { created: false as const };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const organisation = await db.transaction(async (tx) => {
    const teamRows = await tx
      .insert(teams)
      .values(DEMO_TEAMS.map((t) => ({ ...t })))
      .returning();
    const teamId = new Map(teamRows.map((t) => [t.slug, t.id]));

    const userRows = await tx
      .insert(users)
      .values(
        DEMO_USERS.map((u, i) => ({
          email: u.email,
          name: u.name,
          role: u.role,
          passwordHash: u.password ? passwordHash : null,
          createdAt: new Date(now.getTime() - (200 - i * 7) * DAY),
        })),
      )
      .returning();
    const memberships = DEMO_USERS.flatMap((u, i) =>
      u.teams.map((slug) => ({
        teamId: teamId.get(slug)!,
        userId: userRows[i].id,
        memberRole: u.lead?.includes(slug) ? "lead" : "member",
      })),
    );
    await tx.insert(teamMembers).values(memberships);

    const serviceRows = await tx
      .insert(services)
      .values(DEMO_SERVICES.map((s, i) => serviceValues(s, i, s.team ? teamId.get(s.team)! : null, now)))
      .returning({ id: services.id, slug: services.slug });
    const serviceId = new Map(serviceRows.map((s) => [s.slug, s.id]));
    const edges = DEMO_SERVICES.flatMap((s) =>
      s.dependsOn.map((dep) => {
        const dependsOnId = serviceId.get(dep);
        if (!dependsOnId) throw new Error(`demo service ${s.slug} depends on unknown ${dep}`);
        return { serviceId: serviceId.get(s.slug)!, dependsOnId };
      }),
    );
    await tx.insert(serviceDependencies).values(edges);
    await refreshScorecards(tx, undefined, now);

    await tx.insert(auditLog).values({
      actorLabel: "cli",
      via: "cli",
      action: "seed.demo",
      entityType: "organisation",
      entityId: "demo",
      after: {
        teams: teamRows.length,
        users: userRows.length,
        services: serviceRows.length,
        dependencies: edges.length,
      },
    });
    return {
      created: true as const,
      teams: teamRows.length,
      users: userRows.length,
      services: serviceRows.length,
      dependencies: edges.length,
    };
  });
  const sloCount = await seedDemoSlos(db, now, sloHistoryDays);
  const incidentCount = await seedDemoIncidents(db, now, incidentHistoryDays);
  // Action items and incidents feed the readiness scorecard: level it again with them.
  if (incidentCount) await refreshScorecards(db, undefined, now);
  return { ...organisation, slos: sloCount, incidents: incidentCount };
}

function serviceValues(
  s: (typeof DEMO_SERVICES)[number],
  index: number,
  ownerTeamId: string | null,
  now: Date,
) {
  const full = s.care === "full";
  const partial = s.care !== "bare";
  const repo = `https://git.pharos.demo/${s.team ?? "legacy"}/${s.slug}`;
  return {
    slug: s.slug,
    name: s.name,
    description: s.description,
    ownerTeamId,
    tier: s.tier,
    lifecycle: s.lifecycle ?? "production",
    domain: s.domain,
    repoUrl: repo,
    runbookUrl: partial ? `https://runbooks.pharos.demo/${s.slug}` : null,
    onCall: partial ? `${s.team}-primary` : null,
    links: full
      ? [
          { title: "Dashboard", url: `https://grafana.pharos.demo/d/${s.slug}`, kind: "dashboard" },
          { title: "Architecture notes", url: `${repo}/blob/main/docs/architecture.md`, kind: "docs" },
        ]
      : [],
    tags: s.tags,
    rtoMinutes: s.tier === "tier0" ? 30 : s.tier === "tier1" ? 120 : partial ? 480 : null,
    rpoMinutes: s.tier === "tier0" ? 5 : s.tier === "tier1" ? 60 : partial ? 240 : null,
    // Spread DR tests and verification so the readiness scorecard shows every level.
    lastDrTestAt: full
      ? new Date(now.getTime() - (30 + index * 11) * DAY)
      : partial && index % 3 === 0
        ? new Date(now.getTime() - 420 * DAY)
        : null,
    verifiedAt: full
      ? new Date(now.getTime() - (index % 5) * 9 * DAY)
      : partial
        ? new Date(now.getTime() - (60 + index * 4) * DAY)
        : null,
    createdAt: new Date(now.getTime() - (400 - index * 5) * DAY),
  };
}
