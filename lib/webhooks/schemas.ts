import { z } from "zod";
import { publicOrigin, serverPort } from "@/lib/config/env";
import { line } from "@/lib/validation/text";
import { SUBSCRIBABLE_EVENTS } from "./events";
import { webhookUrlProblem } from "./url-policy";

export const MAX_URL_LENGTH = 2000;

/** A receiver's URL: http(s), and not Pharos itself (read from the environment at parse time). */
export const webhookUrlField = line(MAX_URL_LENGTH, {
  label: "The URL",
  required: "Enter the receiver's URL.",
}).superRefine((value, ctx) => {
  if (!value) return;
  const problem = webhookUrlProblem(value, { publicOrigin: publicOrigin(), port: serverPort() });
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

const KNOWN: readonly string[] = SUBSCRIBABLE_EVENTS;

/** Event types as a list (form checkboxes, JSON) or one comma-separated string (CLI). */
export const eventsField = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : String(v).split(/[\s,]+/)),
  z
    .array(z.string().trim().max(80))
    .max(50, "Too many event types.")
    .transform((list, ctx) => {
      const events = list.filter(Boolean);
      const unknown = events.filter((e) => !KNOWN.includes(e));
      if (unknown.length) {
        ctx.addIssue({
          code: "custom",
          message: `Unknown event type ${unknown.map((e) => `"${e}"`).join(", ")}. Known: ${SUBSCRIBABLE_EVENTS.join(", ")}.`,
        });
        return z.NEVER;
      }
      if (!events.length) {
        ctx.addIssue({ code: "custom", message: "Pick at least one event type." });
        return z.NEVER;
      }
      return SUBSCRIBABLE_EVENTS.filter((e) => events.includes(e));
    }),
);
