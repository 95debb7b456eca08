import { inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { services, users } from "@/db/schema/catalog";
import {
  type IncidentEventKind,
  type IncidentRole,
  type IncidentStatus,
  incidentEvents,
  incidentParticipants,
  incidentServices,
  incidents,
  type Severity,
} from "@/db/schema/incidents";
import { refreshSuggestions } from "@/lib/incidents/suggestions";
import { DEMO_NOTES, INCIDENT_PATTERNS, type IncidentPattern, OPEN_INCIDENT } from "./demo-incident-catalog";
import { seedDemoPostmortems } from "./demo-postmortems";
import { seedDemoProblems } from "./demo-problems";

const MIN = 60_000;
const DAY = 86_400_000;

/** A small seeded generator: the demo is the same on every machine and in every test. */
export function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type SeededIncident = {
  id: string;
  number: number;
  pattern: IncidentPattern | null;
  severity: Severity;
  status: IncidentStatus;
  serviceIds: string[];
  commanderId: string;
  resolvedAt: Date | null;
  declaredAt: Date;
};

const ENGINEERS = [
  "engineer@pharos.demo",
  "jordan.okafor@pharos.demo",
  "mei.tanaka@pharos.demo",
  "luca.romano@pharos.demo",
  "nadia.haddad@pharos.demo",
  "tom.becker@pharos.demo",
  "aisha.bello@pharos.demo",
  "diego.alvarez@pharos.demo",
  "oliver.grant@pharos.demo",
];
/** The newest engineers shadow incidents (the onboarding issue counts these seats). */
const SHADOWS = ["hana.novak@pharos.demo", "luca.romano@pharos.demo"];

type Row = typeof incidents.$inferInsert & { pattern: IncidentPattern | null; slugs: string[] };

function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

function pickPattern(rng: () => number): IncidentPattern {
  const total = INCIDENT_PATTERNS.reduce((n, p) => n + p.weight, 0);
  let x = rng() * total;
  for (const p of INCIDENT_PATTERNS) {
    x -= p.weight;
    if (x < 0) return p;
  }
  return INCIDENT_PATTERNS[0];
}

/** One past incident from a pattern: realistic gaps between the lifecycle times. */
function pastIncident(rng: () => number, pattern: IncidentPattern, start: number, now: number): Row {
  const severity = pick(rng, pattern.severities);
  const major = severity === "sev1" || severity === "sev2";
  const detected = start + (2 + rng() * 23) * MIN;
  const declared = detected + (1 + rng() * 9) * MIN;
  const acknowledged = declared + (1 + rng() * 7) * MIN;
  const mitigated = acknowledged + (major ? 10 + rng() * 80 : 20 + rng() * 180) * MIN;
  const resolved = Math.min(now - 30 * MIN, mitigated + rng() * 90 * MIN);
  const cancelled = !major && rng() < 0.04;
  return {
    pattern,
    slugs: pattern.services.slice(0, 1 + Math.floor(rng() * pattern.services.length)),
    title: pattern.title,
    severity,
    status: cancelled ? "cancelled" : "resolved",
    cause: cancelled ? null : pattern.cause,
    impactStartedAt: new Date(start),
    detectedAt: new Date(detected),
    declaredAt: new Date(declared),
    acknowledgedAt: new Date(acknowledged),
    mitigatedAt: cancelled ? null : new Date(mitigated),
    resolvedAt: cancelled ? null : new Date(resolved),
    description: cancelled ? "False alarm: a synthetic check misfired." : "",
  };
}

/**
 * A year of incidents (about two a week, more on the busy services), each with its people
 * and timeline, then postmortems, action items, two problems, and the sev2 open right now.
 */
export async function seedDemoIncidents(db: Db, now: Date, days = 365) {
  if (days <= 0) return 0;
  const rng = random(20261204);
  return db.transaction(async (tx) => {
    const people = await tx.select({ id: users.id, email: users.email, name: users.name }).from(users);
    const person = new Map(people.map((p) => [p.email, p]));
    const slugs = [...new Set([...INCIDENT_PATTERNS.flatMap((p) => p.services), ...OPEN_INCIDENT.services])];
    const serviceRows = await tx
      .select({ id: services.id, slug: services.slug })
      .from(services)
      .where(inArray(services.slug, slugs));
    const serviceId = new Map(serviceRows.map((s) => [s.slug, s.id]));
    const rows: Row[] = [];
    for (let d = days; d >= 1; d--) {
      const dayStart = now.getTime() - d * DAY;
      if (rng() < 0.3)
        rows.push(pastIncident(rng, pickPattern(rng), dayStart + rng() * DAY * 0.9, now.getTime()));
    }
    const t = now.getTime();
    rows.push({
      pattern: null,
      slugs: OPEN_INCIDENT.services,
      title: OPEN_INCIDENT.title,
      severity: OPEN_INCIDENT.severity,
      status: "open",
      description: OPEN_INCIDENT.description,
      impactStartedAt: new Date(t - 52 * MIN),
      detectedAt: new Date(t - 44 * MIN),
      declaredAt: new Date(t - 41 * MIN),
      acknowledgedAt: new Date(t - 38 * MIN),
    });
    const seeded: SeededIncident[] = [];
    for (const row of rows) {
      const { pattern, slugs: rowSlugs, ...values } = row;
      const commander = person.get(pattern ? pick(rng, ENGINEERS) : ENGINEERS[0]) ?? people[0];
      const [made] = await tx
        .insert(incidents)
        .values({ ...values, commanderId: commander.id })
        .returning();
      const ids = rowSlugs.map((s) => serviceId.get(s)).filter((id): id is string => Boolean(id));
      await tx.insert(incidentServices).values(ids.map((serviceId) => ({ incidentId: made.id, serviceId })));
      await seedPeopleAndTimeline(tx, rng, made, commander, person, pattern);
      seeded.push({
        id: made.id,
        number: made.number,
        pattern,
        severity: made.severity,
        status: made.status,
        serviceIds: ids,
        commanderId: commander.id,
        resolvedAt: made.resolvedAt,
        declaredAt: made.declaredAt,
      });
    }
    await seedDemoProblems(tx, seeded, person, now);
    await seedDemoPostmortems(tx, rng, seeded, person, now);
    await refreshSuggestions(tx, [...serviceId.values()], now);
    return seeded.length;
  });
}

type Person = { id: string; email: string; name: string };

async function seedPeopleAndTimeline(
  tx: Tx,
  rng: () => number,
  incident: typeof incidents.$inferSelect,
  commander: Person,
  person: Map<string, Person>,
  pattern: IncidentPattern | null,
) {
  const declared = incident.declaredAt.getTime();
  const end = (incident.resolvedAt ?? incident.mitigatedAt ?? new Date(declared + 20 * MIN)).getTime();
  const seats: { user: Person; role: IncidentRole; at: number }[] = [
    { user: commander, role: "commander", at: declared },
  ];
  const responders = ENGINEERS.filter((e) => e !== commander.email);
  for (let i = 0; i < 1 + Math.floor(rng() * 2); i++) {
    const who = person.get(pick(rng, responders));
    if (who && !seats.some((s) => s.user.id === who.id))
      seats.push({ user: who, role: "responder", at: declared + (2 + i * 4) * MIN });
  }
  const shadow = person.get(pick(rng, SHADOWS));
  if (shadow && rng() < 0.35 && !seats.some((s) => s.user.id === shadow.id))
    seats.push({ user: shadow, role: "shadow", at: declared + 6 * MIN });
  if (incident.severity === "sev1" || incident.severity === "sev2") {
    const comms = person.get("changes@pharos.demo");
    if (comms) seats.push({ user: comms, role: "communications", at: declared + 8 * MIN });
  }
  const done = incident.status !== "open";
  await tx.insert(incidentParticipants).values(
    seats.map((s) => ({
      incidentId: incident.id,
      userId: s.user.id,
      role: s.role,
      joinedAt: new Date(s.at),
      leftAt: done ? new Date(Math.max(s.at, end)) : null,
    })),
  );
  const events: {
    kind: IncidentEventKind;
    at: number;
    body: string;
    data?: Record<string, unknown>;
    by: Person;
  }[] = [
    { kind: "declared", at: declared, body: `Declared ${incident.severity}.`, by: commander },
    ...seats.map((s) => ({
      kind: "participant" as const,
      at: s.at,
      body: s.role === "commander" ? `${s.user.name} took command.` : `${s.user.name} joined as ${s.role}.`,
      data: { userId: s.user.id, role: s.role, change: "joined" },
      by: commander,
    })),
  ];
  const notes = pattern?.notes ?? [
    DEMO_NOTES[0],
    "Error rate on checkout-api at 8 %; payments-api healthy.",
    DEMO_NOTES[2],
  ];
  notes.forEach((body, i) => {
    events.push({
      kind: "note",
      at: declared + (5 + i * ((end - declared) / MIN / (notes.length + 1))) * MIN,
      body,
      by: commander,
    });
  });
  if (incident.mitigatedAt)
    events.push({
      kind: "status",
      at: incident.mitigatedAt.getTime(),
      body: "Status open → mitigated.",
      data: { from: "open", to: "mitigated" },
      by: commander,
    });
  if (incident.resolvedAt)
    events.push({
      kind: "status",
      at: incident.resolvedAt.getTime(),
      body: "Status mitigated → resolved.",
      data: { from: "mitigated", to: "resolved" },
      by: commander,
    });
  if (incident.status === "cancelled")
    events.push({
      kind: "status",
      at: declared + 15 * MIN,
      body: "Status open → cancelled.",
      data: { from: "open", to: "cancelled" },
      by: commander,
    });
  await tx.insert(incidentEvents).values(
    events.map((e) => ({
      incidentId: incident.id,
      kind: e.kind,
      occurredAt: new Date(e.at),
      createdAt: new Date(e.at),
      body: e.body,
      data: e.data ?? {},
      authorId: e.by.id,
      authorLabel: e.by.email,
    })),
  );
}
