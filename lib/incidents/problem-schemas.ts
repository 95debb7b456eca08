import { z } from "zod";
import { PROBLEM_STATES } from "@/db/schema/incidents";
import { slugParam } from "@/lib/api/params";
import { line, paragraph } from "@/lib/validation/text";
import { emailField, versionField } from "./schemas";

const title = line(200, {
  label: "Title",
  required: 'Name the problem by what keeps failing, e.g. "Certificate renewals fail silently".',
});
const long = (label: string) => paragraph(20_000, { label });
/** How people name an incident: INC-42, 42 or its id. */
const incidentRefs = z
  .array(z.string().trim().min(1).max(40), { error: 'List the incidents, e.g. ["INC-42"].' })
  .max(100, "At most 100 incidents at a time.");
export const problemStateField = z.enum(PROBLEM_STATES, {
  error: "State is new, investigating, known_error, resolved or risk_accepted.",
});

export const createProblemInput = z.strictObject({
  title,
  description: long("Description").default(""),
  /** Who drives it; the caller when omitted. */
  owner: emailField.optional(),
  service: slugParam,
  /** Incidents to link now, by number or id. */
  incidents: incidentRefs.default([]),
});

/** The fields a PATCH may send; the id comes from the path and the version from If-Match. */
export const problemPatchFields = z.strictObject({
  title: title.optional(),
  description: long("Description").optional(),
  rootCause: long("Root cause").optional(),
  workaround: long("Workaround").optional(),
  owner: emailField.optional(),
  service: slugParam.optional(),
  state: problemStateField.optional(),
  /** Why: required to accept the risk, kept in the history with any state change. */
  reason: paragraph(1000, { label: "Reason" }).optional(),
});

export const patchProblemInput = problemPatchFields.extend({
  id: z.uuid("Not a problem id."),
  version: versionField,
});

export const problemIncidentsInput = z.strictObject({
  id: z.uuid("Not a problem id."),
  incidents: incidentRefs.min(1, "Name at least one incident."),
});

export const acceptSuggestionInput = z.strictObject({
  id: z.uuid("Not a suggestion id."),
  /** The problem's title; the suggestion's when omitted. */
  title: title.optional(),
  description: long("Description").optional(),
  owner: emailField.optional(),
});

export const dismissSuggestionInput = z.strictObject({ id: z.uuid("Not a suggestion id.") });
