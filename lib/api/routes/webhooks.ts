import { z } from "zod";
import { DELIVERY_STATUSES } from "@/db/schema/webhooks";
import { SUBSCRIBABLE_EVENTS } from "@/lib/webhooks/events";
import { listWebhooksRead, webhookDeliveriesRead, webhookRead } from "@/lib/webhooks/reads";
import {
  createWebhook,
  deleteWebhook,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhook,
} from "@/lib/webhooks/webhook-commands";
import { type Route, readRoute, withPath, writeRoute } from "../define-route";
import { pagingQuery, uuidParam } from "../params";
import { pageOf } from "../schemas";

const JSON_BODY_BYTES = 16 * 1024;
const tag = "Webhooks";
const id = z.object({ id: uuidParam });
const time = z.iso.datetime({ offset: true });

const WebhookSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string(),
    events: z.array(z.enum(SUBSCRIBABLE_EVENTS)),
    enabled: z.boolean(),
    disabledReason: z
      .string()
      .nullable()
      .describe("why it is off: by whom, or the failures that turned it off"),
    disabledAt: time.nullable(),
    consecutiveFailures: z.number().int().describe("failed attempts in a row; 10 turns the webhook off"),
    lastSuccessAt: time.nullable(),
    lastFailureAt: time.nullable(),
    createdById: z.uuid().nullable(),
    secretRotatedAt: time.nullable(),
    createdAt: time,
    updatedAt: time,
  })
  .meta({ id: "Webhook" });

const WithSecretSchema = WebhookSchema.extend({
  secret: z.string().describe("the signing secret: shown in this answer only"),
}).meta({ id: "WebhookWithSecret" });

const DeliverySchema = z
  .object({
    id: z.uuid().describe("also sent as X-Pharos-Delivery"),
    eventId: z.uuid().describe("the envelope's id"),
    eventType: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int(),
    responseStatus: z.number().int().nullable().describe("the last attempt's HTTP status, if it got one"),
    responseMs: z.number().int().nullable(),
    error: z.string().nullable(),
    createdAt: time,
    lastAttemptAt: time.nullable(),
    finishedAt: time.nullable(),
  })
  .meta({ id: "WebhookDelivery" });

export const webhookRoutes: Route[] = [
  readRoute({
    method: "get",
    path: "/webhooks",
    tag,
    summary: "List webhooks",
    query: z.object(pagingQuery()),
    read: listWebhooksRead,
    input: ({ query }) => query,
    responses: { 200: { description: "A page of webhooks", schema: pageOf(WebhookSchema, "WebhookPage") } },
  }),
  writeRoute({
    method: "post",
    path: "/webhooks",
    tag,
    summary: "Subscribe a URL to events",
    description:
      "The answer carries the signing secret, once. The URL must be http(s) and not Pharos itself; `events` are names from docs/webhooks.md.",
    body: { kind: "object", schema: createWebhook.input, maxBytes: JSON_BODY_BYTES },
    write: createWebhook,
    input: ({ body }) => body,
    status: 201,
    responses: { 201: { description: "Created", schema: WithSecretSchema } },
  }),
  readRoute({
    method: "get",
    path: "/webhooks/{id}",
    tag,
    summary: "One webhook",
    params: id,
    read: webhookRead,
    input: ({ params }) => params,
    responses: { 200: { description: "The webhook", schema: WebhookSchema } },
  }),
  writeRoute({
    method: "patch",
    path: "/webhooks/{id}",
    tag,
    summary: "Change a webhook",
    description:
      "Any of url, description, events, enabled. `enabled: true` also clears its failures and the reason it was off.",
    params: id,
    body: { kind: "object", schema: updateWebhook.input.omit({ id: true }), maxBytes: JSON_BODY_BYTES },
    write: updateWebhook,
    input: ({ body, params }) => withPath(body, params),
    responses: { 200: { description: "The webhook as changed", schema: WebhookSchema } },
  }),
  writeRoute({
    method: "delete",
    path: "/webhooks/{id}",
    tag,
    summary: "Delete a webhook and its delivery log",
    params: id,
    write: deleteWebhook,
    input: ({ params }) => params,
    responses: { 200: { description: "Deleted", schema: z.object({ id: z.uuid(), deleted: z.boolean() }) } },
  }),
  readRoute({
    method: "get",
    path: "/webhooks/{id}/deliveries",
    tag,
    summary: "A webhook's delivery log",
    description: "Newest first: status, attempts, the last attempt's HTTP status, response time and error.",
    params: id,
    query: z.object(pagingQuery()),
    read: webhookDeliveriesRead,
    input: ({ params, query }) => ({ ...query, ...params }),
    responses: {
      200: { description: "A page of deliveries", schema: pageOf(DeliverySchema, "WebhookDeliveryPage") },
    },
  }),
  writeRoute({
    method: "post",
    path: "/webhooks/{id}/test",
    tag,
    summary: "Send a test (ping) delivery",
    description: "Queued at once; its outcome appears in the delivery log. A disabled webhook answers 409.",
    params: id,
    write: sendTestWebhook,
    input: ({ params }) => params,
    status: 202,
    responses: {
      202: { description: "Queued", schema: z.object({ deliveryId: z.uuid(), eventId: z.uuid() }) },
    },
  }),
  writeRoute({
    method: "post",
    path: "/webhooks/{id}/rotate-secret",
    tag,
    summary: "Replace the signing secret",
    description: "The answer carries the new secret, once; deliveries from now on are signed with it.",
    params: id,
    write: rotateWebhookSecret,
    input: ({ params }) => params,
    responses: { 200: { description: "Rotated", schema: WithSecretSchema } },
  }),
];
