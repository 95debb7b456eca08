import { z } from "zod";
import { getDb } from "@/db/client";
import { createPostmortem, patchPostmortem } from "@/lib/incidents/postmortem-commands";
import { postmortemDetail } from "@/lib/incidents/postmortem-queries";
import {
  incidentPostmortemRead,
  listPostmortemsInput,
  listPostmortemsRead,
  postmortemRead,
} from "@/lib/incidents/postmortem-reads";
import { approvePostmortem } from "@/lib/incidents/postmortem-review-commands";
import {
  approvePostmortemInput,
  createPostmortemInput,
  postmortemPatchFields,
} from "@/lib/incidents/postmortem-schemas";
import { json, type Route, readRoute, withPath, writeRoute } from "../define-route";
import { uuidParam } from "../params";
import { PostmortemListSchema, PostmortemSchema } from "../postmortem-schemas";
import { versionFrom } from "./incidents";

const tag = "Postmortems";
const id = z.object({ id: uuidParam });
/** Nine sections of up to 20,000 characters (4 bytes each at worst), links and reviewers. */
const BODY_BYTES = 1024 * 1024;

/** The postmortem as it now is, with its version as the ETag for the next If-Match. */
async function current(postmortemId: string, status = 200, headers: Record<string, string> = {}) {
  const detail = await postmortemDetail(getDb(), { id: postmortemId });
  return json(detail, status, detail ? { etag: `"${detail.version}"`, ...headers } : headers);
}

export const postmortemRoutes: Route[] = [
  readRoute({
    method: "get",
    path: "/incidents/{id}/postmortem",
    tag,
    summary: "An incident's postmortem",
    description:
      "The postmortem with its reviewers, the incident (its timeline read now, not copied) and its action items; 404 until someone starts it. The ETag is the version.",
    params: id,
    read: incidentPostmortemRead,
    input: ({ params }) => params,
    respond: (detail) => json(detail, 200, { etag: `"${detail.version}"` }),
    responses: { 200: { description: "The postmortem", schema: PostmortemSchema, headers: ["etag"] } },
  }),
  writeRoute({
    method: "post",
    path: "/incidents/{id}/postmortem",
    tag,
    summary: "Start an incident's postmortem",
    description:
      "One per incident. Sections are Markdown (at most 20,000 characters each); `impact` is drafted from the incident's services and duration when omitted. `reviewers` by email (not the author). `dueOn` (YYYY-MM-DD) defaults, for sev1/sev2, to five working days after resolution (or declaration).",
    params: id,
    body: { kind: "object", schema: createPostmortemInput.omit({ incidentId: true }), maxBytes: BODY_BYTES },
    write: createPostmortem,
    input: ({ body, params }) => ({ ...(body as object), incidentId: params.id }),
    respond: (made) => current(made.id, 201, { location: `/api/v1/postmortems/${made.id}` }),
    responses: { 201: { description: "Started", schema: PostmortemSchema, headers: ["location", "etag"] } },
  }),
  readRoute({
    method: "get",
    path: "/postmortems",
    tag,
    summary: "List postmortems",
    description:
      "Most recently changed first, 50 a page. `overdue=1` lists what is late instead, soonest due first: unpublished postmortems past their due day, and resolved sev1/sev2 incidents with no postmortem five working days after resolution (`id` null).",
    query: listPostmortemsInput,
    read: listPostmortemsRead,
    input: ({ query }) => query,
    responses: { 200: { description: "Postmortems", schema: PostmortemListSchema } },
  }),
  readRoute({
    method: "get",
    path: "/postmortems/{id}",
    tag,
    summary: "One postmortem",
    params: id,
    read: postmortemRead,
    input: ({ params }) => params,
    respond: (detail) => json(detail, 200, { etag: `"${detail.version}"` }),
    responses: { 200: { description: "The postmortem", schema: PostmortemSchema, headers: ["etag"] } },
  }),
  writeRoute({
    method: "patch",
    path: "/postmortems/{id}",
    tag,
    summary: "Edit a postmortem or move it through review",
    description:
      "Send the version you read as `If-Match` (or `version` in the body); a stale one is 409. `status`: draft → in_review (needs a reviewer, a summary and root causes) → published (needs every reviewer's approval; sends `postmortem.published`), or in_review → draft. Editing the text while in review clears the approvals. `reviewers` replaces the list. A published postmortem is read-only.",
    params: id,
    body: {
      kind: "object",
      schema: postmortemPatchFields.extend({ version: z.number().int().optional() }),
      maxBytes: BODY_BYTES,
    },
    write: patchPostmortem,
    input: (req) => ({ ...withPath(req.body, req.params), version: versionFrom(req) }),
    respond: (changed) => current(changed.id),
    responses: {
      200: { description: "The postmortem as changed", schema: PostmortemSchema, headers: ["etag"] },
    },
  }),
  writeRoute({
    method: "post",
    path: "/postmortems/{id}/approvals",
    tag,
    summary: "Approve a postmortem",
    description:
      "The caller must be one of its named reviewers and it must be in review; `comment` is optional (send `{}` for none). Does not change the version.",
    params: id,
    body: { kind: "object", schema: approvePostmortemInput.omit({ id: true }), maxBytes: 16 * 1024 },
    write: approvePostmortem,
    input: ({ body, params }) => withPath(body, params),
    respond: (approved) => current(approved.id),
    responses: { 200: { description: "The postmortem with the approval", schema: PostmortemSchema } },
  }),
];
