import { z } from "zod";
import { ACTION_PRIORITIES, ACTION_STATUSES, ACTION_TYPES } from "@/db/schema/incidents";

/** Response shapes of the action item routes, for the generated OpenAPI document. */

const time = z.string().describe("ISO-8601, UTC");
const day = z.string().describe("YYYY-MM-DD");
const person = z.object({ email: z.string(), name: z.string() });
const named = z.object({ slug: z.string(), name: z.string() });

export const ActionItemSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    status: z.enum(ACTION_STATUSES),
    type: z.enum(ACTION_TYPES),
    priority: z.enum(ACTION_PRIORITIES),
    dueOn: day.nullable(),
    overdue: z.boolean().describe("open or in progress, and due before today (UTC)"),
    owner: person.nullable(),
    service: named
      .nullable()
      .describe("the service the work is on; its overdue items count on its scorecard"),
    team: named.nullable().describe("the team owning that service"),
    ticketUrl: z.string().nullable(),
    wontDoReason: z.string().nullable(),
    doneAt: time.nullable(),
    version: z.number().int().describe("send it back as If-Match when you change the item"),
    parent: z.discriminatedUnion("kind", [
      z.object({
        kind: z.literal("postmortem"),
        id: z.uuid(),
        incidentId: z.uuid(),
        incidentNumber: z.number().int(),
        title: z.string().describe("the incident's title"),
      }),
      z.object({ kind: z.literal("problem"), id: z.uuid(), number: z.number().int(), title: z.string() }),
    ]),
    createdAt: time,
    updatedAt: time,
  })
  .meta({ id: "ActionItem" });

export const ActionItemListSchema = z.object({
  items: z.array(ActionItemSchema).describe("open and in-progress first, soonest due first"),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
