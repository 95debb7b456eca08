import { and, eq } from "drizzle-orm";
import { users } from "@/db/schema/catalog";
import { incidentParticipants } from "@/db/schema/incidents";
import { defineCommand } from "@/lib/command/define";
import { fail } from "@/lib/command/result";
import { addIncidentEventInput, joinIncidentInput, leaveIncidentInput } from "./schemas";
import { addEvent, incidentForWrite, personByEmail, seat } from "./write-helpers";

/** How far ahead of the server's clock a reported time may be (clocks drift). */
const FUTURE_SLACK_MS = 5 * 60_000;

function assertNotFuture(at: Date, now: Date, field: string) {
  if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) {
    const message = "That time is in the future.";
    throw fail.invalid(message, { [field]: message });
  }
}

/*
 * Timeline entries and seats do not bump the incident's version: two responders adding
 * notes at once are not in conflict, and neither is anyone editing the incident's fields.
 */

export const addIncidentEvent = defineCommand({
  name: "incident.event.add",
  permission: "incident.update",
  input: addIncidentEventInput,
  async run({ tx, actor, audit }, { id, kind, body, url, occurredAt }) {
    const now = new Date();
    const incident = await incidentForWrite(tx, id);
    const at = occurredAt ?? now;
    assertNotFuture(at, now, "occurredAt");
    const event = await addEvent(tx, actor, incident.id, {
      kind,
      occurredAt: at,
      body,
      data: { ...(url ? { url } : {}), ...(occurredAt ? { backfilled: true } : {}) },
    });
    await audit({ entityType: "incident", entityId: id, after: { event: event.id, kind, occurredAt: at } });
    return { id: event.id, incidentId: id };
  },
});

export const joinIncident = defineCommand({
  name: "incident.participant.join",
  permission: "incident.update",
  input: joinIncidentInput,
  async run({ tx, actor, audit, unchanged }, { id, person, role, joinedAt }) {
    const now = new Date();
    const incident = await incidentForWrite(tx, id);
    if (incident.status === "closed" || incident.status === "cancelled" || incident.status === "duplicate")
      throw fail.invalid(`This incident is ${incident.status}; nobody joins it any more.`);
    const who = await personByEmail(tx, person, "person");
    const at = joinedAt ?? now;
    assertNotFuture(at, now, "joinedAt");
    const seated = await seat(tx, actor, id, who, role, at);
    if (!seated) {
      unchanged();
      return { id, joined: false };
    }
    await audit({ entityType: "incident", entityId: id, after: { person, role, joinedAt: at } });
    return { id, joined: true };
  },
});

export const leaveIncident = defineCommand({
  name: "incident.participant.leave",
  permission: "incident.update",
  input: leaveIncidentInput,
  async run({ tx, actor, audit, unchanged }, { id, participantId, leftAt }) {
    const now = new Date();
    await incidentForWrite(tx, id);
    const [seatRow] = await tx
      .select({ p: incidentParticipants, name: users.name })
      .from(incidentParticipants)
      .innerJoin(users, eq(users.id, incidentParticipants.userId))
      .where(and(eq(incidentParticipants.id, participantId), eq(incidentParticipants.incidentId, id)));
    if (!seatRow) throw fail.notFound("That person is not on this incident.");
    if (seatRow.p.leftAt) {
      unchanged();
      return { id, left: false };
    }
    if (seatRow.p.role === "commander")
      throw fail.invalid("Hand command to someone else first: an incident always has a commander.");
    const at = leftAt ?? now;
    assertNotFuture(at, now, "leftAt");
    if (at < seatRow.p.joinedAt) {
      const message = "They cannot leave before they joined.";
      throw fail.invalid(message, { leftAt: message });
    }
    await tx
      .update(incidentParticipants)
      .set({ leftAt: at })
      .where(eq(incidentParticipants.id, participantId));
    await addEvent(tx, actor, id, {
      kind: "participant",
      occurredAt: at,
      body: `${seatRow.name} left (${seatRow.p.role}).`,
      data: { userId: seatRow.p.userId, role: seatRow.p.role, change: "left" },
    });
    await audit({ entityType: "incident", entityId: id, after: { participantId, leftAt: at } });
    return { id, left: true };
  },
});
