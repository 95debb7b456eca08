import { z } from "zod";
import { getDb } from "@/db/client";
import { createActionItem, patchActionItem } from "@/lib/incidents/action-item-commands";
import { actionItem } from "@/lib/incidents/action-item-queries";
import { actionItemRead, listActionItemsInput, listActionItemsRead } from "@/lib/incidents/action-item-reads";
import { actionItemPatchFields, createActionItemInput } from "@/lib/incidents/action-item-schemas";
import { ActionItemListSchema, ActionItemSchema } from "../action-item-schemas";
import { json, type Route, readRoute, withPath, writeRoute } from "../define-route";
import { uuidParam } from "../params";
import { versionFrom } from "./incidents";

const tag = "Action items";
const id = z.object({ id: uuidParam });
const BODY_BYTES = 64 * 1024;

async function current(itemId: string, status = 200, headers: Record<string, string> = {}) {
  const item = await actionItem(getDb(), itemId);
  return json(item, status, item ? { etag: `"${item.version}"`, ...headers } : headers);
}

export const actionItemRoutes: Route[] = [
  readRoute({
    method: "get",
    path: "/action-items",
    tag,
    summary: "List action items",
    description:
      "Open and in-progress first (soonest due first), 50 a page. Filters combine: `owner=me` (or an email), `overdue=1`, `team` (owner of the item's service), `service`, `postmortem`, `problem`, `status`.",
    query: listActionItemsInput,
    read: listActionItemsRead,
    input: ({ query }) => query,
    responses: { 200: { description: "Action items", schema: ActionItemListSchema } },
  }),
  writeRoute({
    method: "post",
    path: "/action-items",
    tag,
    summary: "Raise an action item",
    description:
      "From exactly one `postmortemId` or `problemId`. `owner` by email, `dueOn` YYYY-MM-DD, `type` mitigate/prevent/process, `priority` p1–p3 (p2), `service` by slug (the incident's first service, or the problem's, when omitted), `ticketUrl` http(s).",
    body: { kind: "object", schema: createActionItemInput, maxBytes: BODY_BYTES },
    write: createActionItem,
    input: ({ body }) => body,
    respond: (made) => current(made.id, 201, { location: `/api/v1/action-items/${made.id}` }),
    responses: { 201: { description: "Raised", schema: ActionItemSchema, headers: ["location", "etag"] } },
  }),
  readRoute({
    method: "get",
    path: "/action-items/{id}",
    tag,
    summary: "One action item",
    params: id,
    read: actionItemRead,
    input: ({ params }) => params,
    respond: (item) => json(item, 200, { etag: `"${item.version}"` }),
    responses: { 200: { description: "The action item", schema: ActionItemSchema, headers: ["etag"] } },
  }),
  writeRoute({
    method: "patch",
    path: "/action-items/{id}",
    tag,
    summary: "Change an action item",
    description:
      "Send the version you read as `If-Match` (or `version` in the body); a stale one is 409. `status` open/in_progress/done/wont_do: `wont_do` needs `wontDoReason`, `done` stamps `doneAt`, reopening clears it. `service` or `ticketUrl` null clears them.",
    params: id,
    body: {
      kind: "object",
      schema: actionItemPatchFields.extend({ version: z.number().int().optional() }),
      maxBytes: BODY_BYTES,
    },
    write: patchActionItem,
    input: (req) => ({ ...withPath(req.body, req.params), version: versionFrom(req) }),
    respond: (changed) => current(changed.id),
    responses: {
      200: { description: "The action item as changed", schema: ActionItemSchema, headers: ["etag"] },
    },
  }),
];
