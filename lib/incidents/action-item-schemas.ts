import { z } from "zod";
import { ACTION_PRIORITIES, ACTION_STATUSES, ACTION_TYPES } from "@/db/schema/incidents";
import { slugParam } from "@/lib/api/params";
import { dayField } from "@/lib/validation/date";
import { line, paragraph } from "@/lib/validation/text";
import { emailField, versionField } from "./schemas";

/** "" from a cleared form field means "none". */
const blankIsNull = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? null : v), schema);
const blankIsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const title = line(200, {
  label: "Title",
  required: 'Say what will be done, e.g. "Alert on certificate expiry 14 days ahead".',
});
const typeField = z.enum(ACTION_TYPES, { error: "Type is mitigate, prevent or process." });
const priorityField = z.enum(ACTION_PRIORITIES, { error: "Priority is p1, p2 or p3." });
export const actionStatusField = z.enum(ACTION_STATUSES, {
  error: "Status is open, in_progress, done or wont_do.",
});
const ticketUrl = z
  .url({ protocol: /^https?$/, error: "The ticket is an http(s) URL." })
  .max(2000, "A ticket URL is at most 2,000 characters.");

export const createActionItemInput = z.strictObject({
  /** Exactly one parent: the postmortem or the problem the work came from. */
  postmortemId: blankIsAbsent(z.uuid("Not a postmortem id.")),
  problemId: blankIsAbsent(z.uuid("Not a problem id.")),
  title,
  owner: emailField,
  dueOn: dayField("Due date"),
  type: typeField,
  priority: blankIsAbsent(priorityField).default("p2"),
  /** The service the work is on; the incident's first service (or the problem's) when omitted. */
  service: blankIsAbsent(slugParam),
  ticketUrl: blankIsAbsent(ticketUrl),
});

/** The fields a PATCH may send; the id comes from the path and the version from If-Match. */
export const actionItemPatchFields = z.strictObject({
  title: title.optional(),
  owner: emailField.optional(),
  dueOn: dayField("Due date").optional(),
  type: typeField.optional(),
  priority: priorityField.optional(),
  service: blankIsNull(slugParam.nullable()).optional(),
  ticketUrl: blankIsNull(ticketUrl.nullable()).optional(),
  status: actionStatusField.optional(),
  /** Why it will not be done: required to set `wont_do`. */
  wontDoReason: paragraph(1000, { label: "Reason" }).optional(),
});

export const patchActionItemInput = actionItemPatchFields.extend({
  id: z.uuid("Not an action item id."),
  version: versionField,
});
