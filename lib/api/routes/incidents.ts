import { z } from "zod";
import { getDb } from "@/db/client";
import { incidentDetail } from "@/lib/incidents/detail";
import { declareIncident, patchIncident } from "@/lib/incidents/incident-commands";
import { incidentMetricsRead, metricsInput } from "@/lib/incidents/metrics-reads";
import { incidentRead, listIncidentsInput, listIncidentsRead } from "@/lib/incidents/reads";
import {
  declareIncidentInput,
  incidentEventBody,
  joinIncidentInput,
  leaveIncidentInput,
  patchIncidentInput,
} from "@/lib/incidents/schemas";
import { addIncidentEvent, joinIncident, leaveIncident } from "@/lib/incidents/timeline-commands";
import { json, type Route, type RouteRequest, readRoute, withPath, writeRoute } from "../define-route";
import { IncidentListSchema, IncidentMetricsSchema, IncidentSchema } from "../incident-schemas";
import { uuidParam } from "../params";

const tag = "Incidents";
const id = z.object({ id: uuidParam });
const JSON_BODY_BYTES = 64 * 1024;

/** The incident as it now is, with its version as the ETag for the next If-Match. */
async function current(incidentId: string, status = 200, headers: Record<string, string> = {}) {
  const detail = await incidentDetail(getDb(), incidentId);
  return json(detail, status, detail ? { etag: `"${detail.version}"`, ...headers } : headers);
}

/** `If-Match: "3"` (or W/"3", or 3) → 3; the body's `version` when the header is absent. */
export function versionFrom(req: RouteRequest): unknown {
  const header = req.request.headers.get("if-match");
  const match = header ? /^(?:W\/)?"?(\d+)"?$/.exec(header.trim()) : null;
  if (match) return Number(match[1]);
  if (header) return header;
  return (req.body as { version?: unknown } | undefined)?.version;
}

export const incidentRoutes: Route[] = [
  readRoute({
    method: "get",
    path: "/incidents",
    tag,
    summary: "List incidents",
    description:
      "Newest declared first, 50 a page. Filters combine: `service`, `team` and `tier` match any affected service; `from`/`to` bound the declaration time; `q` matches title words or a number such as INC-42.",
    query: listIncidentsInput,
    read: listIncidentsRead,
    input: ({ query }) => query,
    responses: { 200: { description: "Incidents", schema: IncidentListSchema } },
  }),
  writeRoute({
    method: "post",
    path: "/incidents",
    tag,
    summary: "Declare an incident",
    description:
      "Severity `sev1`…`sev4`, affected `services` by slug, `commander` by email (the caller when omitted). Times are ISO-8601 with a zone and must keep the order impact started ≤ detected ≤ declared ≤ acknowledged; `declaredAt` back-fills an incident declared elsewhere. Sends `incident.declared`.",
    body: { kind: "object", schema: declareIncidentInput, maxBytes: JSON_BODY_BYTES },
    write: declareIncident,
    input: ({ body }) => body,
    respond: (made) => current(made.id, 201, { location: `/api/v1/incidents/${made.id}` }),
    responses: { 201: { description: "Declared", schema: IncidentSchema, headers: ["location", "etag"] } },
  }),
  readRoute({
    method: "get",
    path: "/incidents/metrics",
    tag,
    summary: "Incident metrics",
    description:
      "MTTD (detected − impact started), MTTA (acknowledged − declared), MTTR (resolved − impact started, else declared) as count, mean, median and p90 in seconds, and MTBF ((period − downtime) ÷ failures), over incidents whose impact started in [`from`, `to`) — 90 days to now by default — within `service`, `team`, `tier` and `severity`; `by` adds one row per severity, tier, team or service; `weekly` counts incidents and minutes of impact per ISO week.",
    query: metricsInput,
    read: incidentMetricsRead,
    input: ({ query }) => query,
    responses: { 200: { description: "Metrics", schema: IncidentMetricsSchema } },
  }),
  readRoute({
    method: "get",
    path: "/incidents/{id}",
    tag,
    summary: "One incident",
    description:
      "Fields, affected services, people with their roles and join/leave times, the timeline, the postmortem's status and the error budget the impact burned on each SLO of its services. The ETag is the version.",
    params: id,
    read: incidentRead,
    input: ({ params }) => params,
    respond: (detail) => json(detail, 200, { etag: `"${detail.version}"` }),
    responses: { 200: { description: "The incident", schema: IncidentSchema, headers: ["etag"] } },
  }),
  writeRoute({
    method: "patch",
    path: "/incidents/{id}",
    tag,
    summary: "Change an incident",
    description:
      "Send the version you read as `If-Match` (or `version` in the body): if someone changed the incident since, the answer is 409 and nothing is written. `status` follows open → mitigated → resolved → closed (plus cancelled, and duplicate with `duplicateOf`); a sev1/sev2 closes only with a published postmortem. Correcting a recorded time needs a `reason`, which goes on the timeline.",
    params: id,
    body: {
      kind: "object",
      schema: patchIncidentInput
        .omit({ id: true, version: true })
        .extend({ version: z.number().int().optional() }),
      maxBytes: JSON_BODY_BYTES,
    },
    write: patchIncident,
    input: (req) => ({ ...withPath(req.body, req.params), version: versionFrom(req) }),
    respond: (changed) => current(changed.id),
    responses: { 200: { description: "The incident as changed", schema: IncidentSchema, headers: ["etag"] } },
  }),
  writeRoute({
    method: "post",
    path: "/incidents/{id}/events",
    tag,
    summary: "Add to the timeline",
    description:
      "A `note` or a `link` (with `url`); `occurredAt` back-fills it where it happened. Does not change the incident's version.",
    params: id,
    body: { kind: "object", schema: incidentEventBody, maxBytes: JSON_BODY_BYTES },
    write: addIncidentEvent,
    input: ({ body, params }) => withPath(body, params),
    respond: (made) => current(made.incidentId, 201),
    responses: { 201: { description: "Added; the incident with its timeline", schema: IncidentSchema } },
  }),
  writeRoute({
    method: "post",
    path: "/incidents/{id}/participants",
    tag,
    summary: "Seat a person",
    description:
      "`person` by email in a `role` (commander, responder, shadow, communications) from `joinedAt` (now when omitted). A new commander ends the previous commander's seat.",
    params: id,
    body: { kind: "object", schema: joinIncidentInput.omit({ id: true }), maxBytes: JSON_BODY_BYTES },
    write: joinIncident,
    input: ({ body, params }) => withPath(body, params),
    respond: (seated) => current(seated.id),
    responses: { 200: { description: "The incident with its people", schema: IncidentSchema } },
  }),
  writeRoute({
    method: "patch",
    path: "/incidents/{id}/participants/{participantId}",
    tag,
    summary: "End a seat",
    description:
      "Records when the person left (`leftAt`, now when omitted). The commander hands over instead.",
    params: z.object({ id: uuidParam, participantId: uuidParam }),
    body: {
      kind: "object",
      schema: leaveIncidentInput.omit({ id: true, participantId: true }),
      maxBytes: JSON_BODY_BYTES,
    },
    write: leaveIncident,
    input: ({ body, params }) => withPath(body, params),
    respond: (left) => current(left.id),
    responses: { 200: { description: "The incident with its people", schema: IncidentSchema } },
  }),
];
