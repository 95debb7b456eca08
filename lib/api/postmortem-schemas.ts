import { z } from "zod";
import { INCIDENT_STATUSES, POSTMORTEM_STATUSES, SEVERITIES } from "@/db/schema/incidents";
import { ActionItemSchema } from "./action-item-schemas";
import { IncidentSchema } from "./incident-schemas";

/** Response shapes of the postmortem routes, for the generated OpenAPI document. */

const time = z.string().describe("ISO-8601, UTC");
const day = z.string().describe("YYYY-MM-DD");
const markdown = z.string().describe("Markdown");
const person = z.object({ email: z.string(), name: z.string() });

export const PostmortemSchema = z.object({
  id: z.uuid(),
  incidentId: z.uuid(),
  status: z.enum(POSTMORTEM_STATUSES),
  summary: markdown,
  impact: markdown,
  rootCauses: markdown,
  trigger: markdown,
  resolution: markdown,
  detection: markdown,
  wentWell: markdown,
  wentWrong: markdown,
  lucky: markdown,
  links: z.array(z.object({ label: z.string(), url: z.string() })),
  author: person.nullable(),
  dueOn: day.nullable(),
  overdue: z.boolean().describe("not published and due before today (UTC)"),
  publishedAt: time.nullable(),
  version: z.number().int().describe("send it back as If-Match when you change the postmortem"),
  reviewers: z.array(person.extend({ approvedAt: time.nullable(), comment: z.string() })),
  incident: IncidentSchema.describe("the incident, with its timeline as it is now"),
  actionItems: z.array(ActionItemSchema),
  createdAt: time,
  updatedAt: time,
});

export const PostmortemRowSchema = z.object({
  id: z.uuid().nullable().describe("null: a major incident whose postmortem nobody has started"),
  status: z.enum(POSTMORTEM_STATUSES).nullable(),
  incident: z.object({
    id: z.uuid(),
    number: z.number().int(),
    title: z.string(),
    severity: z.enum(SEVERITIES),
    status: z.enum(INCIDENT_STATUSES),
    resolvedAt: time.nullable(),
    services: z.array(z.string()),
  }),
  author: person.nullable(),
  dueOn: day.nullable(),
  overdue: z.boolean(),
  publishedAt: time.nullable(),
  updatedAt: time.nullable(),
});

export const PostmortemListSchema = z.object({
  items: z.array(PostmortemRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
