import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  INCIDENT_TIMES,
  type Incident,
  type IncidentTime,
  incidentServices,
  incidents,
} from "@/db/schema/incidents";
import { actorUserId } from "@/lib/auth/actor";
import { defineCommand } from "@/lib/command/define";
import { CommandError, fail } from "@/lib/command/result";
import { publishIncident } from "./events";
import { canMove, isMajor, TIME_LABELS, type Times, timeErrors, timesAfterMove } from "./lifecycle";
import { assertNoDuplicateCycle, assertPostmortemPublished, changedServices } from "./patch-rules";
import { declareIncidentInput, patchIncidentInput } from "./schemas";
import { refreshSuggestions } from "./suggestions";
import { addEvent, incidentForWrite, personByEmail, seat, servicesBySlug } from "./write-helpers";

const timesOf = (i: Incident): Times => Object.fromEntries(INCIDENT_TIMES.map((f) => [f, i[f]])) as Times;

function assertTimes(times: Times, status: Incident["status"], now: Date) {
  const errors = timeErrors(times, status, now);
  const fields = Object.keys(errors) as IncidentTime[];
  if (fields.length) throw fail.invalid(errors[fields[0]] as string, errors as Record<string, string>);
}

export const declareIncident = defineCommand({
  name: "incident.declare",
  permission: "incident.declare",
  input: declareIncidentInput,
  async run({ tx, actor, audit }, input) {
    const now = new Date();
    const affected = await servicesBySlug(tx, input.services);
    const commander = input.commander
      ? await personByEmail(tx, input.commander, "commander")
      : actor.kind === "user"
        ? { id: actor.user.id, name: actor.user.name }
        : null;
    if (!commander)
      throw fail.invalid("Name the incident commander.", { commander: "Name the incident commander." });
    const times: Times = {
      impactStartedAt: input.impactStartedAt ?? null,
      detectedAt: input.detectedAt ?? null,
      declaredAt: input.declaredAt ?? now,
      acknowledgedAt: input.acknowledgedAt ?? null,
      mitigatedAt: null,
      resolvedAt: null,
      closedAt: null,
    };
    assertTimes(times, "open", now);
    const [incident] = await tx
      .insert(incidents)
      .values({
        title: input.title,
        severity: input.severity,
        description: input.description,
        ...times,
        declaredAt: times.declaredAt as Date,
        createdById: actorUserId(actor),
      })
      .returning();
    await tx
      .insert(incidentServices)
      .values(affected.map((s) => ({ incidentId: incident.id, serviceId: s.id })));
    await addEvent(tx, actor, incident.id, {
      kind: "declared",
      occurredAt: incident.declaredAt,
      body: `Declared ${input.severity} on ${affected.map((s) => s.slug).join(", ")}.`,
      data: { severity: input.severity, services: affected.map((s) => s.slug) },
    });
    await seat(tx, actor, incident.id, commander, "commander", incident.declaredAt);
    const [declared] = await tx.select().from(incidents).where(eq(incidents.id, incident.id));
    await refreshSuggestions(
      tx,
      affected.map((s) => s.id),
      now,
    );
    await publishIncident(tx, declared, "declared");
    await audit({
      entityType: "incident",
      entityId: incident.id,
      after: { ...input, number: incident.number },
    });
    return { id: incident.id, number: incident.number, version: declared.version };
  },
});

/** A refusal because someone else saved first: the caller gets the newer incident to compare with. */
const staleVersion = (current: Incident) =>
  new CommandError(
    "conflict",
    `Someone else changed this incident (now version ${current.version}); review their change and apply yours again.`,
    { version: "This incident changed since you opened it." },
    { currentVersion: current.version, incidentId: current.id },
  );

export const patchIncident = defineCommand({
  name: "incident.update",
  permission: "incident.update",
  input: patchIncidentInput,
  async run({ tx, actor, audit, unchanged }, { id, version, reason, ...patch }) {
    const now = new Date();
    const before = await incidentForWrite(tx, id);
    if (before.version !== version) throw staleVersion(before);
    const changed: string[] = [];
    const set: Partial<Incident> = {};
    for (const field of ["title", "description", "severity", "cause"] as const) {
      if (patch[field] !== undefined && patch[field] !== before[field]) {
        Object.assign(set, { [field]: patch[field] });
        changed.push(field);
      }
    }
    const status = patch.status ?? before.status;
    let times = timesOf(before);
    if (status !== before.status) {
      if (!canMove(before.status, status))
        throw fail.invalid(`An incident that is ${before.status} cannot become ${status}.`, {
          status: `From ${before.status} it cannot become ${status}.`,
        });
      times = timesAfterMove(times, status, now);
      set.status = status;
      changed.push("status");
    }
    // Times the caller set explicitly win over the ones the move stamped.
    const edited: IncidentTime[] = [];
    for (const field of INCIDENT_TIMES) {
      const value = patch[field];
      if (value === undefined) continue;
      if ((value?.getTime() ?? null) !== (times[field]?.getTime() ?? null)) {
        if (before[field] && (value?.getTime() ?? null) !== before[field]?.getTime()) edited.push(field);
        times[field] = value;
      }
    }
    if (times.declaredAt === null)
      throw fail.invalid("The declared time cannot be removed.", { declaredAt: "Required." });
    if (edited.length && !reason) {
      const message = `Say why ${edited.map((f) => TIME_LABELS[f].toLowerCase()).join(" and ")} changed; the reason goes on the timeline.`;
      throw fail.invalid(message, { reason: message });
    }
    assertTimes(times, status, now);
    for (const field of INCIDENT_TIMES) {
      if ((times[field]?.getTime() ?? null) !== (before[field]?.getTime() ?? null)) {
        Object.assign(set, { [field]: times[field] });
        changed.push(field);
      }
    }
    // Downgrading in the same breath as closing does not skip the postmortem: a downgrade is
    // its own change, on the timeline, before the close.
    const major = isMajor(before.severity) || isMajor(patch.severity ?? before.severity);
    if (status === "closed" && before.status !== "closed" && major) await assertPostmortemPublished(tx, id);
    const duplicateOf = await assertNoDuplicateCycle(tx, before, status, patch.duplicateOf);
    if (duplicateOf !== before.duplicateOfId) {
      set.duplicateOfId = duplicateOf;
      changed.push("duplicateOf");
    }
    const services = patch.services ? await changedServices(tx, id, patch.services) : null;
    if (services) changed.push("services");
    const commander = patch.commander ? await personByEmail(tx, patch.commander, "commander") : null;
    if (commander && commander.id !== before.commanderId) changed.push("commander");
    if (!changed.length) {
      unchanged();
      return { id, number: before.number, version: before.version, changed };
    }
    const [after] = await tx
      .update(incidents)
      .set({ ...set, version: before.version + 1, updatedAt: now })
      .where(eq(incidents.id, id))
      .returning();
    if (commander && commander.id !== before.commanderId)
      await seat(tx, actor, id, commander, "commander", now);
    await recordTimeline(tx, actor, before, after, { edited, reason, services, now });
    if (services || changed.includes("title") || changed.includes("cause"))
      await refreshSuggestions(tx, services?.ids ?? (await serviceIdsOf(tx, id)), now);
    const [current] = await tx.select().from(incidents).where(eq(incidents.id, id));
    await publishIncident(tx, current, { changed });
    await audit({
      entityType: "incident",
      entityId: id,
      before: Object.fromEntries(changed.map((f) => [f, (before as Record<string, unknown>)[f] ?? null])),
      after: Object.fromEntries(changed.map((f) => [f, (current as Record<string, unknown>)[f] ?? null])),
    });
    return { id, number: current.number, version: current.version, changed };
  },
});

async function serviceIdsOf(tx: Tx, incidentId: string) {
  const rows = await tx
    .select({ id: incidentServices.serviceId })
    .from(incidentServices)
    .where(eq(incidentServices.incidentId, incidentId));
  return rows.map((r) => r.id);
}

/** The timeline entries for what a patch changed, each in words. */
async function recordTimeline(
  tx: Tx,
  actor: Parameters<typeof addEvent>[1],
  before: Incident,
  after: Incident,
  extra: { edited: IncidentTime[]; reason?: string; services: { slugs: string[] } | null; now: Date },
) {
  const { now } = extra;
  if (after.status !== before.status)
    await addEvent(tx, actor, after.id, {
      kind: "status",
      occurredAt: now,
      body: `Status ${before.status} → ${after.status}.`,
      data: { from: before.status, to: after.status },
    });
  if (after.severity !== before.severity)
    await addEvent(tx, actor, after.id, {
      kind: "severity",
      occurredAt: now,
      body: `Severity ${before.severity} → ${after.severity}.`,
      data: { from: before.severity, to: after.severity },
    });
  if (extra.services)
    await addEvent(tx, actor, after.id, {
      kind: "services",
      occurredAt: now,
      body: `Affected services: ${extra.services.slugs.join(", ")}.`,
      data: { services: extra.services.slugs },
    });
  for (const field of extra.edited) {
    const from = before[field]?.toISOString() ?? null;
    const to = after[field]?.toISOString() ?? null;
    await addEvent(tx, actor, after.id, {
      kind: "timestamp",
      occurredAt: now,
      body: `${TIME_LABELS[field]} corrected${to ? "" : " (cleared)"}: ${extra.reason}`,
      data: { field, from, to, reason: extra.reason },
    });
  }
}
