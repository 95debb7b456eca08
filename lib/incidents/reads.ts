import { z } from "zod";
import { TIERS } from "@/db/schema/enums";
import { SEVERITIES } from "@/db/schema/incidents";
import { slugParam } from "@/lib/api/params";
import { defineQuery } from "@/lib/query/define";
import { isoTime } from "@/lib/validation/time";
import { incidentDetail } from "./detail";
import { listIncidents, majorActiveIncidents } from "./queries";
import { statusField } from "./schemas";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const listIncidentsInput = z.object({
  service: optional(slugParam).describe("affected service slug"),
  team: optional(slugParam).describe("owner team slug of an affected service"),
  tier: optional(z.enum(TIERS, { error: "Tier is tier0 to tier3." })),
  severity: optional(z.enum(SEVERITIES, { error: "Severity is sev1, sev2, sev3 or sev4." })),
  status: optional(z.union([statusField, z.literal("active")])).describe(
    "a status, or `active` for open and mitigated",
  ),
  from: optional(isoTime("from")).describe("declared at or after (ISO-8601 with zone)"),
  to: optional(isoTime("to")).describe("declared before (ISO-8601 with zone)"),
  postmortem: optional(z.enum(["yes", "no"], { error: "postmortem is yes or no." })).describe(
    "has a postmortem",
  ),
  q: optional(z.string().trim().max(200)).describe("title words, or an incident number such as INC-42"),
  page: optional(z.coerce.number().int().min(1).max(10_000)),
});

export const listIncidentsRead = defineQuery({
  name: "incident.list",
  permission: "incident.read",
  input: listIncidentsInput,
  run: ({ db }, { page, ...filter }) => listIncidents(db, filter, page),
});

export const incidentRead = defineQuery({
  name: "incident.read",
  permission: "incident.read",
  input: z.object({ id: z.uuid("Not an incident id.") }),
  run: ({ db }, { id }) => incidentDetail(db, id),
});

/** The live banner's read: small, and polled by every open tab. */
export const majorIncidentsRead = defineQuery({
  name: "incident.major_active",
  permission: "incident.read",
  input: z.object({}),
  run: async ({ db }) => ({ items: await majorActiveIncidents(db) }),
});
