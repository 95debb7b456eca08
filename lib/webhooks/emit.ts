import { randomUUID } from "node:crypto";
import { and, arrayContains, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { type WebhookEnvelope, webhookDeliveries, webhooks } from "@/db/schema";
import { enqueueInTransaction } from "@/lib/jobs/enqueue";
import { deliverWebhookJob } from "./delivery-job";
import { WEBHOOK_EVENTS, type WebhookEventPayload, type WebhookEventType } from "./events";

/**
 * Records `type` for every enabled webhook subscribed to it and enqueues each delivery, all
 * in `tx`: call it inside a command's transaction, and the event is sent only if that
 * transaction commits. Nothing is sent from here; deliveries run on the job queue. The
 * payload is parsed against the event's schema — a payload that does not fit is a bug and
 * throws (rolling the command back). Returns the event's id and how many deliveries it made.
 */
export async function emitEvent<T extends WebhookEventType>(
  tx: Queryable,
  type: T,
  payload: WebhookEventPayload<T>,
): Promise<{ eventId: string; deliveries: number }> {
  const data = WEBHOOK_EVENTS[type].payload.parse(payload);
  const targets = await tx
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(and(eq(webhooks.enabled, true), arrayContains(webhooks.events, [type])));
  const envelope: WebhookEnvelope = { id: randomUUID(), type, createdAt: new Date().toISOString(), data };
  await deliver(
    tx,
    envelope,
    targets.map((t) => t.id),
  );
  return { eventId: envelope.id, deliveries: targets.length };
}

/** One delivery of `envelope` per webhook, each with its delivery job, in `tx`. */
export async function deliver(tx: Queryable, envelope: WebhookEnvelope, webhookIds: string[]) {
  if (!webhookIds.length) return [];
  const rows = await tx
    .insert(webhookDeliveries)
    .values(
      webhookIds.map((webhookId) => ({
        webhookId,
        eventId: envelope.id,
        eventType: envelope.type,
        envelope,
      })),
    )
    .returning({ id: webhookDeliveries.id });
  for (const row of rows) await enqueueInTransaction(tx, deliverWebhookJob, { deliveryId: row.id });
  return rows.map((r) => r.id);
}
