import { z } from "zod";
import { BUDGETING_METHODS, CALENDAR_UNITS, ROLLING_DAYS, SLI_KINDS } from "@/db/schema/slo";
import { slugField } from "@/lib/admin/schemas";
import { integer } from "@/lib/validation/number";
import { line, paragraph } from "@/lib/validation/text";
import { isTimeZone } from "./time-zone";

/** A fraction strictly between 0 and 1, e.g. 0.999 for 99.9 %. */
const openFraction = (label: string) =>
  z
    .number({ error: `${label} must be a number between 0 and 1, e.g. 0.999 for 99.9 %.` })
    .gt(0, `${label} must be above 0 (0.999 is 99.9 %).`)
    .lt(1, `${label} must be below 1: a target of 100 % leaves no error budget.`);

export const timeZoneField = z
  .string({ error: "Name a time zone, e.g. Europe/Berlin." })
  .trim()
  .refine(isTimeZone, "Unknown time zone; use an IANA name such as Europe/Berlin or UTC.");

export const windowSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({
      type: z.literal("rolling"),
      days: z.union(
        ROLLING_DAYS.map((d) => z.literal(d)),
        { error: "A rolling window is 7, 28, 30 or 90 days." },
      ),
    }),
    z.strictObject({
      type: z.literal("calendar"),
      unit: z.enum(CALENDAR_UNITS, { error: "A calendar window is a week, month or quarter." }),
      timeZone: timeZoneField,
    }),
  ],
  {
    error:
      'The window is {"type":"rolling","days":30} or {"type":"calendar","unit":"month","timeZone":"UTC"}.',
  },
);

/** Slice lengths that tile an hour, so slices never straddle an hourly rollup. */
export const SLICE_MINUTES = [5, 10, 15, 20, 30, 60] as const;

export const budgetingSchema = z.discriminatedUnion(
  "method",
  [
    z.strictObject({ method: z.literal("occurrences") }),
    z.strictObject({
      method: z.literal("timeslices"),
      sliceMinutes: z.union(
        SLICE_MINUTES.map((m) => z.literal(m)),
        { error: "A slice is 5, 10, 15, 20, 30 or 60 minutes." },
      ),
      sliceTarget: openFraction("The slice target"),
    }),
  ],
  { error: `Budgeting is one of: ${BUDGETING_METHODS.join(", ")}.` },
);

const sloFields = {
  name: line(120, { label: "The name", required: "Give the SLO a name, e.g. Checkout availability." }),
  description: paragraph(2000, { label: "The description" }).optional(),
  sliKind: z.enum(SLI_KINDS, {
    error: "The SLI is ratio (good/total events) or latency (requests under a threshold).",
  }),
  latencyThresholdMs: integer({
    min: 1,
    max: 600_000,
    tooLarge: "At most 600,000 ms (10 minutes).",
  }).optional(),
  target: openFraction("The target"),
  window: windowSchema,
  budgeting: budgetingSchema.default({ method: "occurrences" }),
  minEvents: integer({ min: 0, max: 1_000_000_000 }).default(50),
};

const latencyNeedsThreshold = (
  v: { sliKind?: string; latencyThresholdMs?: number | null },
  ctx: z.RefinementCtx,
) => {
  if (v.sliKind === "latency" && v.latencyThresholdMs === undefined)
    ctx.addIssue({
      code: "custom",
      path: ["latencyThresholdMs"],
      message: "A latency SLI needs its threshold, e.g. 300 ms.",
    });
};

export const createSloInput = z
  .strictObject({ service: slugField, ...sloFields })
  .superRefine(latencyNeedsThreshold);
export type CreateSloInput = z.input<typeof createSloInput>;

export const patchSloInput = z.strictObject({
  id: z.uuid("Not an SLO id."),
  name: sloFields.name.optional(),
  description: sloFields.description,
  sliKind: sloFields.sliKind.optional(),
  latencyThresholdMs: sloFields.latencyThresholdMs.nullable(),
  target: sloFields.target.optional(),
  window: windowSchema.optional(),
  budgeting: budgetingSchema.optional(),
  minEvents: integer({ min: 0, max: 1_000_000_000 }).optional(),
});
// A PATCH's latency threshold is checked against the stored kind, in the command.
export type PatchSloInput = z.input<typeof patchSloInput>;

/** The definition as the API answers it and as a version snapshots it. */
export type SloDefinition = {
  name: string;
  description: string;
  sliKind: (typeof SLI_KINDS)[number];
  latencyThresholdMs: number | null;
  target: number;
  window: z.output<typeof windowSchema>;
  budgeting: z.output<typeof budgetingSchema>;
  minEvents: number;
};
