import { z } from "zod";
import {
  type INCIDENT_EVENT_KINDS,
  INCIDENT_ROLES,
  INCIDENT_STATUSES,
  INCIDENT_TIMES,
  type IncidentTime,
  SEVERITIES,
} from "@/db/schema/incidents";
import { slugParam } from "@/lib/api/params";
import { line, paragraph } from "@/lib/validation/text";
import { isoTime } from "@/lib/validation/time";
import { TIME_LABELS } from "./lifecycle";

export const severityField = z.enum(SEVERITIES, { error: "Severity is sev1, sev2, sev3 or sev4." });
export const statusField = z.enum(INCIDENT_STATUSES, {
  error: "Status is open, mitigated, resolved, closed, cancelled or duplicate.",
});
/** A person named by email; the commands look them up and name the field when nobody has it. */
export const emailField = z
  .string({ error: "Name the person by email." })
  .trim()
  .toLowerCase()
  .pipe(z.email("Name the person by email, e.g. ada@example.com."));
const title = line(200, {
  label: "Title",
  required: 'Give the incident a title that says what users see, e.g. "Checkout errors in EU".',
});
const services = z
  .array(slugParam, {
    error: (issue) =>
      issue.input === undefined
        ? "Name at least one affected service."
        : "List the affected services by slug.",
  })
  .min(1, "Name at least one affected service.")
  .max(50, "At most 50 services; declare one incident per outage.");

/** A time a form may leave blank: "" and null both mean "not recorded". */
const optionalTime = (field: IncidentTime) =>
  z.preprocess((v) => (v === "" ? null : v), isoTime(TIME_LABELS[field]).nullable().optional());

const timeFields = Object.fromEntries(INCIDENT_TIMES.map((f) => [f, optionalTime(f)])) as {
  [K in IncidentTime]: ReturnType<typeof optionalTime>;
};
/** The version an edit was based on: the API sends it as If-Match, forms as a hidden field. */
export const versionField = z.coerce
  .number({ error: "Send the version you edited (If-Match)." })
  .int()
  .positive("Send the version you edited (If-Match).");

export const declareIncidentInput = z.strictObject({
  title,
  severity: severityField,
  services,
  description: paragraph(20_000, { label: "Description" }).default(""),
  /** The incident commander; the declarer when omitted. */
  commander: emailField.optional(),
  impactStartedAt: timeFields.impactStartedAt,
  detectedAt: timeFields.detectedAt,
  /** Back-filling an incident declared elsewhere; now when omitted. */
  declaredAt: timeFields.declaredAt,
  acknowledgedAt: timeFields.acknowledgedAt,
});

export const patchIncidentInput = z.strictObject({
  id: z.uuid("Not an incident id."),
  version: versionField,
  title: title.optional(),
  severity: severityField.optional(),
  status: statusField.optional(),
  services: services.optional(),
  description: paragraph(20_000, { label: "Description" }).optional(),
  commander: emailField.optional(),
  cause: z.preprocess((v) => (v === "" ? null : v), line(120, { label: "Cause" }).nullable().optional()),
  /** For status `duplicate`: the incident this one repeats (its id or number). */
  duplicateOf: z.preprocess((v) => (v === "" ? null : v), z.string().trim().max(40).nullable().optional()),
  ...timeFields,
  /** Why a recorded time was changed: required when one is, shown on the timeline. */
  reason: paragraph(500, { label: "Reason" }).optional(),
});

export const NOTE_KINDS = [
  "note",
  "link",
] as const satisfies readonly (typeof INCIDENT_EVENT_KINDS)[number][];

/** The fields of a timeline entry; the API documents these (less the path's id). */
export const incidentEventFields = z.strictObject({
  id: z.uuid("Not an incident id."),
  kind: z
    .enum(NOTE_KINDS, { error: "Add a note or a link; status and people have their own calls." })
    .default("note"),
  body: paragraph(10_000, { label: "Note", required: "Write what happened." }),
  url: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .url({ protocol: /^https?$/, error: "A link is an http(s) URL." })
      .max(2000)
      .optional(),
  ),
  /** When it happened, for back-filling; now when omitted. */
  occurredAt: z.preprocess((v) => (v === "" ? undefined : v), isoTime("Time").optional()),
});

export const addIncidentEventInput = incidentEventFields.refine((v) => v.kind !== "link" || v.url, {
  path: ["url"],
  message: "A link needs its URL.",
});

export const roleField = z.enum(INCIDENT_ROLES, {
  error: "The role is commander, responder, shadow or communications.",
});

export const joinIncidentInput = z.strictObject({
  id: z.uuid("Not an incident id."),
  person: emailField,
  role: roleField,
  joinedAt: z.preprocess((v) => (v === "" ? undefined : v), isoTime("Joined").optional()),
});

export const leaveIncidentInput = z.strictObject({
  id: z.uuid("Not an incident id."),
  participantId: z.uuid("Not a participant id."),
  leftAt: z.preprocess((v) => (v === "" ? undefined : v), isoTime("Left").optional()),
});
