import { z } from "zod";
import { TIERS } from "@/db/schema/enums";
import {
  INCIDENT_EVENT_KINDS,
  INCIDENT_ROLES,
  INCIDENT_STATUSES,
  POSTMORTEM_STATUSES,
  PROBLEM_STATES,
  SEVERITIES,
} from "@/db/schema/incidents";

/** Response shapes of the incident routes, for the generated OpenAPI document. */

const time = z.string().describe("ISO-8601, UTC");
const nullableTime = time.nullable();

export const IncidentRowSchema = z.object({
  id: z.uuid(),
  number: z.number().int().describe("INC-42 is number 42"),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  status: z.enum(INCIDENT_STATUSES),
  declaredAt: time,
  impactStartedAt: nullableTime,
  resolvedAt: nullableTime,
  commander: z.string().nullable().describe("the commander's name"),
  services: z.array(z.string()).describe("affected service slugs"),
  postmortem: z.enum(POSTMORTEM_STATUSES).nullable(),
});

export const IncidentListSchema = z.object({
  items: z.array(IncidentRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const IncidentSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  title: z.string(),
  description: z.string(),
  severity: z.enum(SEVERITIES),
  status: z.enum(INCIDENT_STATUSES),
  services: z.array(z.string()),
  commander: z.string().nullable().describe("the commander's email"),
  commanderName: z.string().nullable(),
  cause: z.string().nullable(),
  impactStartedAt: nullableTime,
  detectedAt: nullableTime,
  declaredAt: time,
  acknowledgedAt: nullableTime,
  mitigatedAt: nullableTime,
  resolvedAt: nullableTime,
  closedAt: nullableTime,
  version: z.number().int().describe("send it back as If-Match when you change the incident"),
  affected: z.array(
    z.object({ slug: z.string(), name: z.string(), tier: z.enum(TIERS), team: z.string().nullable() }),
  ),
  problem: z
    .object({ id: z.uuid(), number: z.number().int(), title: z.string(), state: z.enum(PROBLEM_STATES) })
    .nullable(),
  duplicateOf: z.object({ id: z.uuid(), number: z.number().int(), title: z.string() }).nullable(),
  postmortem: z
    .object({ id: z.uuid(), status: z.enum(POSTMORTEM_STATUSES), dueOn: z.string().nullable() })
    .nullable(),
  participants: z.array(
    z.object({
      id: z.uuid(),
      role: z.enum(INCIDENT_ROLES),
      email: z.string(),
      name: z.string(),
      joinedAt: time,
      leftAt: nullableTime,
    }),
  ),
  timeline: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(INCIDENT_EVENT_KINDS),
      occurredAt: time.describe("when it happened"),
      recordedAt: time.describe("when it was written down; later than occurredAt for back-filled entries"),
      body: z.string(),
      data: z.record(z.string(), z.unknown()),
      author: z.string(),
    }),
  ),
  budget: z.array(
    z.object({
      sloId: z.uuid(),
      sloName: z.string(),
      serviceSlug: z.string(),
      bad: z.number().describe("bad events (or slices) during the impact"),
      burned: z
        .number()
        .nullable()
        .describe("share of the SLO's error budget the impact cost; 1 = all of it"),
    }),
  ),
  createdAt: time,
  updatedAt: time,
});

const summary = z.object({
  count: z.number().int().describe("incidents the figure is over"),
  meanSeconds: z.number().nullable(),
  medianSeconds: z.number().nullable(),
  p90Seconds: z.number().nullable(),
});
const metrics = z.object({
  incidents: z
    .number()
    .int()
    .describe("incidents whose impact started in the period (cancelled and duplicates never count)"),
  open: z.number().int().describe("of those, not yet resolved (not in MTTR)"),
  mttd: summary,
  mtta: summary,
  mttr: summary,
  mtbf: z.object({
    seconds: z.number().nullable(),
    failures: z.number().int(),
    downtimeSeconds: z.number().describe("the union of impact intervals inside the period"),
    periodSeconds: z.number(),
  }),
});

export const IncidentMetricsSchema = z.object({
  period: z.object({ from: time, to: time }),
  overall: metrics,
  groups: z.array(z.object({ key: z.string(), metrics })).describe("one per value of `by`, when asked"),
  weekly: z.array(z.object({ weekStart: time, incidents: z.number().int(), impactMinutes: z.number() })),
  definitions: z.record(z.string(), z.string()),
});
