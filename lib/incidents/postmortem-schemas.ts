import { z } from "zod";
import { POSTMORTEM_SECTIONS, POSTMORTEM_STATUSES, type PostmortemSection } from "@/db/schema/incidents";
import { dayField } from "@/lib/validation/date";
import { line, paragraph } from "@/lib/validation/text";
import { SECTION_LABELS } from "./postmortem-rules";
import { emailField, versionField } from "./schemas";

/** Each section is Markdown; 20,000 characters is about eight pages, more than any good postmortem needs. */
const section = (field: PostmortemSection) => paragraph(20_000, { label: SECTION_LABELS[field] });

const sectionFields = Object.fromEntries(POSTMORTEM_SECTIONS.map((f) => [f, section(f).optional()])) as {
  [K in PostmortemSection]: z.ZodOptional<ReturnType<typeof section>>;
};

const link = z.strictObject({
  label: line(200, { label: "Link label", required: "Give the link a label." }),
  url: z
    .url({ protocol: /^https?$/, error: "A link is an http(s) URL." })
    .max(2000, "A link is at most 2,000 characters."),
});
export const linksField = z
  .array(link, { error: "Links are a list of {label, url}." })
  .max(30, "At most 30 links; link a document that lists the rest.");

export const reviewersField = z
  .array(emailField, { error: "List the reviewers by email." })
  .max(20, "At most 20 reviewers.")
  .transform((emails) => [...new Set(emails)]);

/** "" (a cleared date input) and null both mean "no due date". */
const dueOnField = z.preprocess((v) => (v === "" ? null : v), dayField("Due date").nullable().optional());

export const postmortemStatusField = z.enum(POSTMORTEM_STATUSES, {
  error: "Status is draft, in_review or published.",
});

export const createPostmortemInput = z.strictObject({
  incidentId: z.uuid("Not an incident id."),
  ...sectionFields,
  links: linksField.default([]),
  reviewers: reviewersField.default([]),
  /** The day it is due; for sev1/sev2 five working days after resolution when omitted. */
  dueOn: dueOnField,
});

/** The fields a PATCH may send; the id comes from the path and the version from If-Match. */
export const postmortemPatchFields = z.strictObject({
  ...sectionFields,
  links: linksField.optional(),
  /** The whole list: reviewers left out are removed, with their approvals. */
  reviewers: reviewersField.optional(),
  dueOn: dueOnField,
  status: postmortemStatusField.optional(),
});

export const patchPostmortemInput = postmortemPatchFields.extend({
  id: z.uuid("Not a postmortem id."),
  version: versionField,
});

export const approvePostmortemInput = z.strictObject({
  id: z.uuid("Not a postmortem id."),
  comment: paragraph(2000, { label: "Comment" }).default(""),
});
