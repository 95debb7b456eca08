import { z } from "zod";
import { INCIDENT_STATUSES, PROBLEM_STATES, SEVERITIES, SUGGESTION_KINDS } from "@/db/schema/incidents";
import { ActionItemSchema } from "./action-item-schemas";

/** Response shapes of the problem and suggestion routes, for the generated OpenAPI document. */

const time = z.string().describe("ISO-8601, UTC");
const person = z.object({ email: z.string(), name: z.string() });
const named = z.object({ slug: z.string(), name: z.string() });

export const ProblemRowSchema = z.object({
  id: z.uuid(),
  number: z.number().int().describe("PRB-7 is number 7"),
  title: z.string(),
  state: z.enum(PROBLEM_STATES),
  service: named.nullable(),
  owner: person.nullable(),
  incidents: z.number().int().describe("linked incidents"),
  openActionItems: z.number().int(),
  knownErrorAt: time.nullable().describe("when it became a known error; null if it never was"),
  updatedAt: time,
});

export const ProblemListSchema = z.object({
  items: z.array(ProblemRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ProblemSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  title: z.string(),
  description: z.string(),
  state: z.enum(PROBLEM_STATES),
  rootCause: z.string(),
  workaround: z.string(),
  service: named.nullable(),
  owner: person.nullable(),
  knownErrorAt: time.nullable(),
  resolvedAt: time.nullable(),
  version: z.number().int().describe("send it back as If-Match when you change the problem"),
  incidents: z.array(
    z.object({
      id: z.uuid(),
      number: z.number().int(),
      title: z.string(),
      severity: z.enum(SEVERITIES),
      status: z.enum(INCIDENT_STATUSES),
      declaredAt: time,
    }),
  ),
  actionItems: z.array(ActionItemSchema),
  history: z
    .array(
      z.object({
        at: time,
        by: z.string(),
        from: z.enum(PROBLEM_STATES).nullable(),
        to: z.enum(PROBLEM_STATES),
        reason: z.string().nullable(),
      }),
    )
    .describe("state changes, oldest first"),
  createdAt: time,
  updatedAt: time,
});

export const SuggestionSchema = z.object({
  id: z.uuid(),
  kind: z.enum(SUGGESTION_KINDS).describe("similar titles, or the same cause"),
  title: z.string(),
  cause: z.string().nullable().describe("the cause the incidents share (same-cause suggestions)"),
  service: named,
  incidents: z.array(
    z.object({ id: z.uuid(), number: z.number().int(), title: z.string(), declaredAt: time }),
  ),
  createdAt: time,
  updatedAt: time,
});

export const SuggestionListSchema = z.object({ items: z.array(SuggestionSchema) });
