import { z } from "zod";
import { getDb } from "@/db/client";
import { createProblem, patchProblem } from "@/lib/incidents/problem-commands";
import { linkProblemIncidents, unlinkProblemIncidents } from "@/lib/incidents/problem-link-commands";
import { problemDetail } from "@/lib/incidents/problem-queries";
import {
  listProblemsInput,
  listProblemsRead,
  listSuggestionsInput,
  openSuggestionsRead,
  problemRead,
} from "@/lib/incidents/problem-reads";
import {
  acceptSuggestionInput,
  createProblemInput,
  problemIncidentsInput,
  problemPatchFields,
} from "@/lib/incidents/problem-schemas";
import { acceptSuggestion, dismissSuggestion } from "@/lib/incidents/suggestion-commands";
import { json, type Route, readRoute, withPath, writeRoute } from "../define-route";
import { uuidParam } from "../params";
import { ProblemListSchema, ProblemSchema, SuggestionListSchema } from "../problem-schemas";
import { versionFrom } from "./incidents";

const tag = "Problems";
const id = z.object({ id: uuidParam });
const BODY_BYTES = 256 * 1024;

async function current(problemId: string, status = 200, headers: Record<string, string> = {}) {
  const detail = await problemDetail(getDb(), problemId);
  return json(detail, status, detail ? { etag: `"${detail.version}"`, ...headers } : headers);
}
const created = (made: { id: string }) => current(made.id, 201, { location: `/api/v1/problems/${made.id}` });

export const problemRoutes: Route[] = [
  readRoute({
    method: "get",
    path: "/problems",
    tag,
    summary: "List problems",
    description:
      "Most recently changed first, 50 a page. `state` (or `open`: all but resolved and risk accepted), `service`, `q` (title words or PRB-7).",
    query: listProblemsInput,
    read: listProblemsRead,
    input: ({ query }) => query,
    responses: { 200: { description: "Problems", schema: ProblemListSchema } },
  }),
  writeRoute({
    method: "post",
    path: "/problems",
    tag,
    summary: "Open a problem",
    description:
      "`service` by slug, `owner` by email (the caller when omitted), `incidents` to link by number (INC-42, 42) or id; an incident linked to another problem is refused.",
    body: { kind: "object", schema: createProblemInput, maxBytes: BODY_BYTES },
    write: createProblem,
    input: ({ body }) => body,
    respond: created,
    responses: { 201: { description: "Opened", schema: ProblemSchema, headers: ["location", "etag"] } },
  }),
  readRoute({
    method: "get",
    path: "/problems/{id}",
    tag,
    summary: "One problem",
    description: "With its linked incidents, action items and state history. The ETag is the version.",
    params: id,
    read: problemRead,
    input: ({ params }) => params,
    respond: (detail) => json(detail, 200, { etag: `"${detail.version}"` }),
    responses: { 200: { description: "The problem", schema: ProblemSchema, headers: ["etag"] } },
  }),
  writeRoute({
    method: "patch",
    path: "/problems/{id}",
    tag,
    summary: "Change a problem",
    description:
      "Send the version you read as `If-Match` (or `version` in the body); a stale one is 409. `state`: new → investigating → known_error (needs `rootCause` or `workaround`) → resolved or risk_accepted (needs `reason`); resolved and risk_accepted reopen to investigating.",
    params: id,
    body: {
      kind: "object",
      schema: problemPatchFields.extend({ version: z.number().int().optional() }),
      maxBytes: BODY_BYTES,
    },
    write: patchProblem,
    input: (req) => ({ ...withPath(req.body, req.params), version: versionFrom(req) }),
    respond: (changed) => current(changed.id),
    responses: { 200: { description: "The problem as changed", schema: ProblemSchema, headers: ["etag"] } },
  }),
  writeRoute({
    method: "post",
    path: "/problems/{id}/incidents",
    tag,
    summary: "Link incidents to a problem",
    description: "`incidents` by number or id. Does not change the problem's version.",
    params: id,
    body: { kind: "object", schema: problemIncidentsInput.omit({ id: true }), maxBytes: 16 * 1024 },
    write: linkProblemIncidents,
    input: ({ body, params }) => withPath(body, params),
    respond: (linked) => current(linked.id),
    responses: { 200: { description: "The problem with its incidents", schema: ProblemSchema } },
  }),
  writeRoute({
    method: "delete",
    path: "/problems/{id}/incidents/{incident}",
    tag,
    summary: "Unlink an incident from a problem",
    description: "`incident` by number (INC-42, 42) or id.",
    params: z.object({ id: uuidParam, incident: z.string().max(40) }),
    write: unlinkProblemIncidents,
    input: ({ params }) => ({ id: params.id, incidents: [params.incident] }),
    respond: (unlinked) => current(unlinked.id),
    responses: { 200: { description: "The problem with its incidents", schema: ProblemSchema } },
  }),
  readRoute({
    method: "get",
    path: "/problem-suggestions",
    tag,
    summary: "Open problem suggestions",
    description:
      "Patterns in one service's incidents of the last 90 days not linked to a problem: three or more with similar titles, or with the same cause.",
    query: listSuggestionsInput,
    read: openSuggestionsRead,
    input: ({ query }) => query,
    responses: { 200: { description: "Suggestions", schema: SuggestionListSchema } },
  }),
  writeRoute({
    method: "post",
    path: "/problem-suggestions/{id}/accept",
    tag,
    summary: "Accept a suggestion",
    description:
      "Opens a problem on the suggestion's service with its incidents linked; `title`, `description` and `owner` override the proposal (send `{}` to take it as it is).",
    params: id,
    body: { kind: "object", schema: acceptSuggestionInput.omit({ id: true }), maxBytes: BODY_BYTES },
    write: acceptSuggestion,
    input: ({ body, params }) => withPath(body, params),
    respond: created,
    responses: {
      201: { description: "The problem it opened", schema: ProblemSchema, headers: ["location"] },
    },
  }),
  writeRoute({
    method: "post",
    path: "/problem-suggestions/{id}/dismiss",
    tag,
    summary: "Dismiss a suggestion",
    description: "For good: the same group of incidents is not proposed again, however it grows.",
    params: id,
    write: dismissSuggestion,
    input: ({ params }) => params,
    responses: {
      200: { description: "Dismissed", schema: z.object({ id: z.uuid(), state: z.literal("dismissed") }) },
    },
  }),
];
