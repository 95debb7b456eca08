import { z } from "zod";
import { getDb } from "@/db/client";
import { MAX_BUCKETS, pushMeasurements } from "@/lib/slo/measurement-commands";
import { sloDetail } from "@/lib/slo/queries";
import { listSlosInput, listSlosRead, sloRead, sloSeriesRead } from "@/lib/slo/reads";
import { createSloInput, patchSloInput } from "@/lib/slo/schemas";
import { createSlo, patchSlo } from "@/lib/slo/slo-commands";
import { json, type Route, readRoute, withPath, writeRoute } from "../define-route";
import { uuidParam } from "../params";
import { SloListSchema, SloSchema, SloSeriesSchema } from "../slo-schemas";

const tag = "SLOs";
const id = z.object({ id: uuidParam });
const JSON_BODY_BYTES = 64 * 1024;
/** 10,000 buckets of about 70 bytes each, with room for whitespace. */
const MEASUREMENT_BYTES = 2 * 1024 * 1024;

const current = async (sloId: string, status = 200, headers: Record<string, string> = {}) =>
  json(await sloDetail(getDb(), sloId), status, headers);

export const sloRoutes: Route[] = [
  readRoute({
    method: "get",
    path: "/slos",
    tag,
    summary: "List SLOs",
    description:
      "SLOs of live services with their status (SLI, budget remaining, state), most critical tier first. `state` filters on the computed state.",
    query: listSlosInput,
    read: listSlosRead,
    input: ({ query }) => query,
    responses: { 200: { description: "SLOs", schema: SloListSchema } },
  }),
  readRoute({
    method: "get",
    path: "/slos/{id}",
    tag,
    summary: "One SLO, with its status",
    description:
      "Definition, status over the window (SLI, budget remaining as a ratio and in minutes at the last hour's traffic, burn rates over 5m–3d, time to exhaustion, alert verdicts, state), alert history, definition versions and budget adjustments.",
    params: id,
    read: sloRead,
    input: ({ params }) => params,
    responses: { 200: { description: "The SLO", schema: SloSchema } },
  }),
  readRoute({
    method: "get",
    path: "/slos/{id}/series",
    tag,
    summary: "An SLO's chart data",
    description:
      "Daily attainment and budget remaining over the window, hourly burn rates (1h and 6h) over the last three days with the alert thresholds, and the excluded intervals.",
    params: id,
    read: sloSeriesRead,
    input: ({ params }) => params,
    responses: { 200: { description: "Series", schema: SloSeriesSchema } },
  }),
  writeRoute({
    method: "post",
    path: "/slos",
    tag,
    summary: "Define an SLO",
    description:
      "On a service of one of the caller's teams (admins: any). `target` is a fraction (0.999 = 99.9 %); `window` is rolling 7/28/30/90 days or a calendar week/month/quarter in an IANA time zone; `budgeting` occurrences or timeslices.",
    body: { kind: "object", schema: createSloInput, maxBytes: JSON_BODY_BYTES },
    write: createSlo,
    input: ({ body }) => body,
    respond: (created) => current(created.id, 201, { location: `/api/v1/slos/${created.id}` }),
    responses: { 201: { description: "Defined", schema: SloSchema, headers: ["location"] } },
  }),
  writeRoute({
    method: "patch",
    path: "/slos/{id}",
    tag,
    summary: "Change an SLO's definition",
    description:
      "Any definition fields. Each change is a new version; status and history are recomputed from the stored counts, which are never rewritten.",
    params: id,
    body: { kind: "object", schema: patchSloInput.omit({ id: true }), maxBytes: JSON_BODY_BYTES },
    write: patchSlo,
    input: ({ body, params }) => withPath(body, params),
    respond: (changed) => current(changed.id),
    responses: { 200: { description: "The SLO as changed", schema: SloSchema } },
  }),
  writeRoute({
    method: "post",
    path: "/slos/{id}/measurements",
    tag,
    summary: "Push measurements",
    description: `Good and total counts per 5-minute bucket: \`{"buckets":[{"start":"2026-12-01T10:05:00Z","good":995,"total":1000}]}\`, at most ${MAX_BUCKETS.toLocaleString("en-US")} a request. A bucket written again is replaced (retries are safe); a batch is all or nothing; a 400 names each bad row. The \`slo:measurements\` token scope allows this and nothing else.`,
    params: id,
    body: {
      kind: "object",
      schema: z.object({
        buckets: z.array(z.object({ start: z.string(), good: z.number(), total: z.number() })),
      }),
      maxBytes: MEASUREMENT_BYTES,
    },
    write: pushMeasurements,
    input: ({ body, params }) => withPath(body, params),
    responses: {
      200: {
        description: "Written",
        schema: z.object({
          written: z.number().int(),
          replaced: z.number().int(),
          alerts: z.array(
            z.object({ sloId: z.string(), rule: z.string(), change: z.enum(["fired", "resolved"]) }),
          ),
        }),
      },
    },
  }),
];
