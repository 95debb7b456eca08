import { z } from "zod";
import { TIERS } from "@/db/schema/enums";
import { ALERT_RULES } from "@/db/schema/slo";
import { SLO_STATES } from "@/lib/slo/math";
import { budgetingSchema, windowSchema } from "@/lib/slo/schemas";

/** Response shapes of the SLO routes, for the generated OpenAPI document. */

const nullableNumber = z.number().nullable();
const burnWindows = z.object({
  "5m": nullableNumber,
  "30m": nullableNumber,
  "1h": nullableNumber,
  "6h": nullableNumber,
  "1d": nullableNumber,
  "3d": nullableNumber,
});
const windowFigures = z.object({ window: z.string(), burnRate: nullableNumber, total: z.number() });

export const SloStatusSchema = z.object({
  window: z.object({ start: z.string(), end: z.string(), periodEnd: z.string(), lengthDays: z.number() }),
  good: z.number().describe("events in the window, excluded buckets left out"),
  total: z.number(),
  slices: z
    .object({ good: z.number(), total: z.number() })
    .nullable()
    .describe("timeslices: good slices and slices with data"),
  sli: nullableNumber.describe("Σgood / Σtotal over the window; null: no data"),
  budgetRemaining: nullableNumber.describe("1 − (1 − SLI) / (1 − target); may be negative"),
  budgetMinutesRemaining: nullableNumber.describe(
    "the remaining budget as minutes of total failure at the last hour's traffic",
  ),
  burnRates: burnWindows.nullable(),
  timeToExhaustionMs: nullableNumber,
  alerts: z
    .array(
      z.object({
        rule: z.enum(ALERT_RULES),
        severity: z.enum(["page", "ticket"]),
        firing: z.boolean(),
        threshold: z.number(),
        long: windowFigures,
        short: windowFigures,
        guarded: z
          .boolean()
          .describe("a window held fewer events than the SLO's minimum, so the rule cannot fire"),
      }),
    )
    .nullable(),
  excluded: z.array(z.object({ start: z.string(), end: z.string() })),
  state: z.enum(SLO_STATES),
});

const definition = z.object({
  name: z.string(),
  description: z.string(),
  sliKind: z.enum(["ratio", "latency"]),
  latencyThresholdMs: z.number().nullable(),
  target: z.number(),
  window: windowSchema,
  budgeting: budgetingSchema,
  minEvents: z.number(),
});

const summary = z.object({
  id: z.uuid(),
  name: z.string(),
  service: z.object({ slug: z.string(), name: z.string(), tier: z.enum(TIERS) }),
  team: z.object({ slug: z.string(), name: z.string() }).nullable(),
  definition,
  version: z.number(),
  status: SloStatusSchema,
});

export const SloListSchema = z.object({ items: z.array(summary) });

export const SloSchema = summary.extend({
  description: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  alerts: z.array(
    z.object({
      id: z.uuid(),
      rule: z.string(),
      severity: z.enum(["page", "ticket"]),
      firedAt: z.string(),
      resolvedAt: z.string().nullable(),
      numbers: z.record(z.string(), z.unknown()),
    }),
  ),
  versions: z.array(
    z.object({
      version: z.number(),
      changed: z.array(z.string()),
      changedBy: z.string(),
      changedAt: z.string(),
      definition,
    }),
  ),
  adjustments: z.array(
    z.object({
      id: z.uuid(),
      scope: z.enum(["slo", "service"]),
      startsAt: z.string(),
      durationMinutes: z.number(),
      rrule: z.string().nullable(),
      reason: z.string(),
      createdAt: z.string(),
    }),
  ),
});

export const SloSeriesSchema = z.object({
  target: z.number(),
  days: z.array(
    z.object({
      day: z.string(),
      sli: nullableNumber.describe("that day's own SLI"),
      windowSli: nullableNumber.describe("the window's SLI at the end of that day"),
      budgetRemaining: nullableNumber,
    }),
  ),
  hours: z.array(z.object({ hour: z.string(), burn1h: nullableNumber, burn6h: nullableNumber })),
  thresholds: z.object({ page_fast: z.number(), page_slow: z.number(), ticket: z.number() }),
  excluded: z.array(z.object({ start: z.string(), end: z.string() })),
});
