import "server-only";
import { count, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { webhookDeliveries, webhooks } from "@/db/schema";
import { uuidField } from "@/lib/admin/schemas";
import { defineQuery } from "@/lib/query/define";
import { pageNumber } from "@/lib/query/page-params";
import { AUTO_DISABLE_AFTER, DELIVERY_RETRIES } from "./delivery-job";
import { SUBSCRIBABLE_EVENTS, WEBHOOK_EVENTS } from "./events";
import { publicWebhook } from "./webhook-commands";

/*
 * What the webhook pages and the REST API read, each behind `webhook.read`. Delivery rows
 * are shown without their envelope (the payload is the event's, and can be large).
 */

const pageSize = (fallback: number) =>
  z
    .preprocess((v) => (v === undefined || v === "" ? fallback : Number(v)), z.number().int())
    .transform((n) => (Number.isFinite(n) ? Math.min(100, Math.max(1, n)) : fallback));

const paging = (size: number) => ({ page: pageNumber, pageSize: pageSize(size) });

async function listWebhooks(db: Queryable, page: number, size: number) {
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(webhooks)
      .orderBy(desc(webhooks.createdAt))
      .limit(size)
      .offset((page - 1) * size),
    db.select({ total: count() }).from(webhooks),
  ]);
  return { items: rows.map(publicWebhook), total, page, pageSize: size };
}

async function listDeliveries(db: Queryable, webhookId: string, page: number, size: number) {
  const columns = {
    id: webhookDeliveries.id,
    eventId: webhookDeliveries.eventId,
    eventType: webhookDeliveries.eventType,
    status: webhookDeliveries.status,
    attempts: webhookDeliveries.attempts,
    responseStatus: webhookDeliveries.responseStatus,
    responseMs: webhookDeliveries.responseMs,
    error: webhookDeliveries.error,
    createdAt: webhookDeliveries.createdAt,
    lastAttemptAt: webhookDeliveries.lastAttemptAt,
    finishedAt: webhookDeliveries.finishedAt,
  };
  const where = eq(webhookDeliveries.webhookId, webhookId);
  const [items, [{ total }]] = await Promise.all([
    db
      .select(columns)
      .from(webhookDeliveries)
      .where(where)
      .orderBy(desc(webhookDeliveries.createdAt))
      .limit(size)
      .offset((page - 1) * size),
    db.select({ total: count() }).from(webhookDeliveries).where(where),
  ]);
  return { items, total, page, pageSize: size };
}

async function findWebhook(db: Queryable, id: string) {
  const [row] = await db.select().from(webhooks).where(eq(webhooks.id, id));
  return row ? publicWebhook(row) : null;
}

export const listWebhooksRead = defineQuery({
  name: "webhook.list",
  permission: "webhook.read",
  input: z.object(paging(50)),
  run: ({ db }, input) => listWebhooks(db, input.page, input.pageSize),
});

export const webhookRead = defineQuery({
  name: "webhook.get",
  permission: "webhook.read",
  input: z.object({ id: uuidField }),
  run: ({ db }, input) => findWebhook(db, input.id),
});

export const webhookDeliveriesRead = defineQuery({
  name: "webhook.deliveries",
  permission: "webhook.read",
  input: z.object({ id: uuidField, ...paging(50) }),
  async run({ db }, input) {
    if (!(await findWebhook(db, input.id))) return null;
    return listDeliveries(db, input.id, input.page, input.pageSize);
  },
});

const eventChoices = () =>
  SUBSCRIBABLE_EVENTS.map((type) => ({ type, description: WEBHOOK_EVENTS[type].description }));

/** The list page: the webhooks, and the events a new one may subscribe to. */
export const webhooksPageRead = defineQuery({
  name: "webhook.list_page",
  permission: "webhook.read",
  input: z.object({ page: pageNumber }),
  async run({ db }, input) {
    return { ...(await listWebhooks(db, input.page, 25)), events: eventChoices() };
  },
});

/** One webhook's page: its settings, its delivery log, and the retry rules it lives by. */
export const webhookPageRead = defineQuery({
  name: "webhook.page",
  permission: "webhook.read",
  input: z.object({
    id: z.preprocess(
      (v) => (typeof v === "string" && z.uuid().safeParse(v).success ? v : undefined),
      z.string().optional(),
    ),
    page: pageNumber,
  }),
  async run({ db }, input) {
    if (!input.id) return null;
    const webhook = await findWebhook(db, input.id);
    if (!webhook) return null;
    return {
      webhook,
      deliveries: await listDeliveries(db, input.id, input.page, 25),
      events: eventChoices(),
      rules: { autoDisableAfter: AUTO_DISABLE_AFTER, attempts: DELIVERY_RETRIES.retryLimit + 1 },
    };
  },
});
