import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { type DeliveryStatus, webhookDeliveries, webhooks } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { webhookTimeoutMs } from "@/lib/config/env";
import { defineJob } from "@/lib/jobs/define";
import { signatureHeader } from "./signature";

/** A webhook is switched off after this many failed attempts in a row (across its deliveries). */
export const AUTO_DISABLE_AFTER = 10;
/** Nine attempts over about four hours: 30 s·2^n with jitter (see docs/webhooks.md). */
export const DELIVERY_RETRIES = { retryLimit: 8, retryDelay: 30, retryBackoff: true } as const;
const KEEP_DELIVERIES_DAYS = 30;
const FINISHED: readonly DeliveryStatus[] = ["succeeded", "failed", "skipped"];

const system: Actor = { kind: "system", via: "system", label: "webhook delivery" };

export type AttemptResult = { ok: boolean; status: number | null; ms: number; error: string | null };

/** One POST of `body`, never longer than the timeout, never following a redirect. */
export async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
): Promise<AttemptResult> {
  const timeout = webhookTimeoutMs();
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const res = await fetch(url, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "user-agent": "Pharos-Webhooks/1", ...headers },
      // A redirect could lead anywhere, Pharos itself included: a receiver answers where it is.
      redirect: "manual",
      signal: AbortSignal.timeout(timeout),
    });
    await res.body?.cancel().catch(() => {});
    const ok = res.status >= 200 && res.status < 300;
    return {
      ok,
      status: res.status,
      ms: elapsed(),
      error: ok ? null : `The receiver answered HTTP ${res.status}.`,
    };
  } catch (error) {
    const name = (error as Error).name;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why =
      name === "TimeoutError" || name === "AbortError"
        ? `No answer within ${timeout / 1000} s.`
        : `Could not reach the receiver (${cause?.code ?? cause?.message ?? (error as Error).message}).`;
    return { ok: false, status: null, ms: elapsed(), error: why };
  }
}

/**
 * One attempt at one delivery, and its record: the delivery's status, the webhook's run of
 * failures (switching it off at AUTO_DISABLE_AFTER). Returns whether the queue should retry.
 */
export async function attemptDelivery(deliveryId: string, isLastAttempt: boolean): Promise<"done" | "retry"> {
  const db = getDb();
  const [row] = await db
    .select({
      delivery: webhookDeliveries,
      url: webhooks.url,
      secret: webhooks.secret,
      enabled: webhooks.enabled,
    })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(eq(webhookDeliveries.id, deliveryId));
  // The webhook was deleted (its deliveries with it), or this delivery already ended.
  if (!row || FINISHED.includes(row.delivery.status)) return "done";
  const now = () => new Date();
  if (!row.enabled) {
    await db
      .update(webhookDeliveries)
      .set({ status: "skipped", error: "Not sent: the webhook is disabled.", finishedAt: now() })
      .where(eq(webhookDeliveries.id, deliveryId));
    return "done";
  }
  const { delivery } = row;
  const body = JSON.stringify(delivery.envelope);
  const result = await post(row.url, body, {
    "x-pharos-event": delivery.eventType,
    "x-pharos-delivery": delivery.id,
    "x-pharos-signature": signatureHeader(row.secret, body),
  });
  return db.transaction(async (tx) => {
    const at = now();
    const attempt = {
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      responseStatus: result.status,
      responseMs: result.ms,
      error: result.error,
      lastAttemptAt: at,
    };
    if (result.ok) {
      await tx
        .update(webhookDeliveries)
        .set({ ...attempt, status: "succeeded", finishedAt: at })
        .where(eq(webhookDeliveries.id, deliveryId));
      await tx
        .update(webhooks)
        .set({ consecutiveFailures: 0, lastSuccessAt: at })
        .where(eq(webhooks.id, delivery.webhookId));
      return "done";
    }
    const [hook] = await tx
      .update(webhooks)
      .set({ consecutiveFailures: sql`${webhooks.consecutiveFailures} + 1`, lastFailureAt: at })
      .where(eq(webhooks.id, delivery.webhookId))
      .returning({ failures: webhooks.consecutiveFailures, enabled: webhooks.enabled });
    const disable = hook.enabled && hook.failures >= AUTO_DISABLE_AFTER;
    if (disable) {
      const reason = `Turned off automatically after ${hook.failures} failed deliveries in a row; the last: ${result.error}`;
      await tx
        .update(webhooks)
        .set({ enabled: false, disabledAt: at, disabledReason: reason, updatedAt: at })
        .where(eq(webhooks.id, delivery.webhookId));
      await recordAudit(tx, system, {
        action: "webhook.auto_disable",
        entityType: "webhook",
        entityId: delivery.webhookId,
        before: { enabled: true },
        after: { enabled: false, disabledReason: reason },
      });
    }
    const final = isLastAttempt || disable;
    await tx
      .update(webhookDeliveries)
      .set({ ...attempt, status: final ? "failed" : "retrying", finishedAt: final ? at : null })
      .where(eq(webhookDeliveries.id, deliveryId));
    return final ? "done" : "retry";
  });
}

export class DeliveryFailed extends Error {
  name = "DeliveryFailed";
}

/** Sends one delivery; a failed attempt throws, so the queue retries it with back-off. */
export const deliverWebhookJob = defineJob<{ deliveryId: string }>({
  name: "webhooks.deliver",
  ...DELIVERY_RETRIES,
  // Far longer than one attempt can take (the timeout): only a dead node leaves it running.
  expireInSeconds: 5 * 60,
  async handler({ deliveryId }, job) {
    if ((await attemptDelivery(deliveryId, job.isLastAttempt)) === "retry")
      throw new DeliveryFailed(
        `Delivery ${deliveryId} failed; attempt ${job.attempt} of ${job.retryLimit + 1}`,
      );
  },
});

/** Daily: the delivery log keeps a month. */
export const pruneDeliveriesJob = defineJob({
  name: "webhooks.prune-deliveries",
  schedule: "17 3 * * *",
  retryLimit: 2,
  async handler() {
    const cutoff = new Date(Date.now() - KEEP_DELIVERIES_DAYS * 86_400_000);
    await getDb()
      .delete(webhookDeliveries)
      .where(
        and(
          inArray(webhookDeliveries.status, FINISHED as DeliveryStatus[]),
          lt(webhookDeliveries.createdAt, cutoff),
        ),
      );
  },
});
