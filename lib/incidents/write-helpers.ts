import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { services, users } from "@/db/schema/catalog";
import {
  type IncidentEventKind,
  type IncidentRole,
  incidentEvents,
  incidentParticipants,
  incidents,
} from "@/db/schema/incidents";
import { type Actor, actorLabel, actorUserId } from "@/lib/auth/actor";
import { fail } from "@/lib/command/result";

/** The incident, locked for the write; 404 when there is none. */
export async function incidentForWrite(tx: Tx, id: string) {
  const [row] = await tx.select().from(incidents).where(eq(incidents.id, id)).for("update");
  if (!row) throw fail.notFound("No such incident.");
  return row;
}

/** An active person by email, or a field error naming the field. */
export async function personByEmail(tx: Tx, email: string, field: string) {
  const [person] = await tx
    .select({ id: users.id, name: users.name, email: users.email, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.email, email));
  if (!person)
    throw fail.invalid(`Nobody in Pharos has the email ${email}.`, {
      [field]: `Nobody in Pharos has the email ${email}.`,
    });
  if (person.deactivatedAt) {
    const message = `${person.name} has been deactivated.`;
    throw fail.invalid(message, { [field]: message });
  }
  return person;
}

/** The services named by slug, in the order given; every unknown or archived one is named. */
export async function servicesBySlug(tx: Tx, slugs: string[]) {
  const unique = [...new Set(slugs)];
  const rows = await tx
    .select({ id: services.id, slug: services.slug, archivedAt: services.archivedAt })
    .from(services)
    .where(inArray(services.slug, unique));
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  const unknown = unique.filter((s) => !bySlug.has(s));
  if (unknown.length) {
    const message = `Unknown service${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.`;
    throw fail.invalid(message, { services: message });
  }
  const archived = rows.filter((r) => r.archivedAt).map((r) => r.slug);
  if (archived.length) {
    const message = `Archived service${archived.length > 1 ? "s" : ""}: ${archived.join(", ")}. Restore it first.`;
    throw fail.invalid(message, { services: message });
  }
  return unique.map((s) => bySlug.get(s) as (typeof rows)[number]);
}

/** One live service by slug, for a single-service field such as a problem's or an action item's. */
export async function serviceBySlug(tx: Tx, slug: string, field = "service") {
  const [row] = await tx
    .select({ id: services.id, archivedAt: services.archivedAt })
    .from(services)
    .where(eq(services.slug, slug));
  const message = !row
    ? `Unknown service: ${slug}.`
    : row.archivedAt
      ? `Archived service: ${slug}. Restore it first.`
      : null;
  if (message) throw fail.invalid(message, { [field]: message });
  return row.id;
}

/** Writes one timeline entry, by the actor. */
export async function addEvent(
  tx: Tx,
  actor: Actor,
  incidentId: string,
  entry: { kind: IncidentEventKind; occurredAt: Date; body?: string; data?: Record<string, unknown> },
) {
  const [event] = await tx
    .insert(incidentEvents)
    .values({
      incidentId,
      kind: entry.kind,
      occurredAt: entry.occurredAt,
      body: entry.body ?? "",
      data: entry.data ?? {},
      authorId: actorUserId(actor),
      authorLabel: actorLabel(actor),
    })
    .returning({ id: incidentEvents.id });
  return event;
}

/**
 * Seats a person in a role from `at`. Joining a role one already holds is a no-op; taking
 * command ends the previous commander's seat, so there is one commander at any moment.
 */
export async function seat(
  tx: Tx,
  actor: Actor,
  incidentId: string,
  person: { id: string; name: string },
  role: IncidentRole,
  at: Date,
) {
  const open = await tx
    .select({ id: incidentParticipants.id, userId: incidentParticipants.userId })
    .from(incidentParticipants)
    .where(
      and(
        eq(incidentParticipants.incidentId, incidentId),
        eq(incidentParticipants.role, role),
        isNull(incidentParticipants.leftAt),
      ),
    );
  if (open.some((p) => p.userId === person.id)) return false;
  if (role === "commander") {
    for (const previous of open) {
      await tx
        .update(incidentParticipants)
        .set({ leftAt: at })
        .where(eq(incidentParticipants.id, previous.id));
    }
    await tx.update(incidents).set({ commanderId: person.id }).where(eq(incidents.id, incidentId));
  }
  await tx.insert(incidentParticipants).values({ incidentId, userId: person.id, role, joinedAt: at });
  await addEvent(tx, actor, incidentId, {
    kind: "participant",
    occurredAt: at,
    body: role === "commander" ? `${person.name} took command.` : `${person.name} joined as ${role}.`,
    data: { userId: person.id, role, change: "joined" },
  });
  return true;
}
