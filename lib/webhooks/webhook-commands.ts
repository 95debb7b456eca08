import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { type Webhook, type WebhookEnvelope, webhooks } from "@/db/schema";
import { optional, uuidField } from "@/lib/admin/schemas";
import { actorLabel, actorUserId } from "@/lib/auth/actor";
import { defineCommand } from "@/lib/command/define";
import { fail } from "@/lib/command/result";
import { paragraph } from "@/lib/validation/text";
import { deliver } from "./emit";
import { eventsField, webhookUrlField } from "./schemas";
import { generateSecret } from "./signature";

/** A webhook as pages, the API and the audit log show it: never its secret. */
export function publicWebhook(row: Webhook) {
  const { secret: _secret, ...visible } = row;
  return visible;
}
export type PublicWebhook = ReturnType<typeof publicWebhook>;

const descriptionField = paragraph(500, { label: "The description" }).default("");

async function lockWebhook(tx: Tx, id: string) {
  const [row] = await tx.select().from(webhooks).where(eq(webhooks.id, id)).for("update");
  if (!row) throw fail.notFound("No such webhook.");
  return row;
}

/** Subscribes a URL; the secret it signs with is returned this once. */
export const createWebhook = defineCommand({
  name: "webhook.create",
  permission: "webhook.manage",
  input: z.object({ url: webhookUrlField, description: descriptionField, events: eventsField }),
  async run({ tx, audit, actor }, input) {
    const secret = generateSecret();
    const [row] = await tx
      .insert(webhooks)
      .values({ ...input, secret, createdById: actorUserId(actor) })
      .returning();
    const visible = publicWebhook(row);
    await audit({ entityType: "webhook", entityId: row.id, after: visible });
    return { ...visible, secret };
  },
});

const enabledField = z.preprocess(
  (v) => (v === "true" || v === "on" ? true : v === "false" ? false : v),
  z.boolean({ message: "enabled is true or false." }),
);

/**
 * Changes the URL, description, events, or whether it is enabled; what is not given stays.
 * Turning it off skips its pending deliveries; turning it on again clears its run of
 * failures and the reason it was off (deliveries skipped meanwhile are not re-sent).
 */
export const updateWebhook = defineCommand({
  name: "webhook.update",
  permission: "webhook.manage",
  input: z.object({
    id: uuidField,
    url: optional(webhookUrlField),
    description: optional(descriptionField),
    events: optional(eventsField),
    enabled: optional(enabledField),
  }),
  async run({ tx, audit, actor, unchanged }, { id, ...patch }) {
    const row = await lockWebhook(tx, id);
    const changes: Partial<
      Pick<
        Webhook,
        "url" | "description" | "events" | "enabled" | "disabledReason" | "disabledAt" | "consecutiveFailures"
      >
    > = {};
    if (patch.enabled === true && !row.enabled)
      Object.assign(changes, {
        enabled: true,
        disabledReason: null,
        disabledAt: null,
        consecutiveFailures: 0,
      });
    if (patch.enabled === false && row.enabled)
      Object.assign(changes, {
        enabled: false,
        disabledReason: `Turned off by ${actorLabel(actor)}.`,
        disabledAt: new Date(),
      });
    if (patch.url !== undefined && patch.url !== row.url) changes.url = patch.url;
    if (patch.description !== undefined && patch.description !== row.description)
      changes.description = patch.description;
    if (patch.events !== undefined && patch.events.join() !== row.events.join())
      changes.events = patch.events;
    if (!Object.keys(changes).length) {
      unchanged();
      return publicWebhook(row);
    }
    const [after] = await tx
      .update(webhooks)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(webhooks.id, id))
      .returning();
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof typeof changes]]));
    await audit({ entityType: "webhook", entityId: id, before, after: changes });
    return publicWebhook(after);
  },
});

/** A new secret, returned this once; deliveries from now on are signed with it. */
export const rotateWebhookSecret = defineCommand({
  name: "webhook.rotate_secret",
  permission: "webhook.manage",
  input: z.object({ id: uuidField }),
  async run({ tx, audit }, { id }) {
    await lockWebhook(tx, id);
    const secret = generateSecret();
    const now = new Date();
    const [after] = await tx
      .update(webhooks)
      .set({ secret, secretRotatedAt: now, updatedAt: now })
      .where(eq(webhooks.id, id))
      .returning();
    await audit({ entityType: "webhook", entityId: id, after: { secretRotatedAt: now } });
    return { ...publicWebhook(after), secret };
  },
});

/** Deletes the webhook and its delivery log; deliveries still queued find nothing and end. */
export const deleteWebhook = defineCommand({
  name: "webhook.delete",
  permission: "webhook.manage",
  input: z.object({ id: uuidField }),
  async run({ tx, audit }, { id }) {
    const row = await lockWebhook(tx, id);
    await tx.delete(webhooks).where(eq(webhooks.id, id));
    await audit({ entityType: "webhook", entityId: id, before: publicWebhook(row) });
    return { id, deleted: true };
  },
});

/** Queues a `ping` to this webhook alone; its outcome appears in the delivery log. */
export const sendTestWebhook = defineCommand({
  name: "webhook.send_test",
  permission: "webhook.manage",
  input: z.object({ id: uuidField }),
  async run({ tx, audit, actor }, { id }) {
    const row = await lockWebhook(tx, id);
    if (!row.enabled) throw fail.conflict("The webhook is disabled; enable it to send a test.");
    const envelope: WebhookEnvelope = {
      id: randomUUID(),
      type: "ping",
      createdAt: new Date().toISOString(),
      data: { message: `A test from Pharos, sent by ${actorLabel(actor)}.`, webhookId: id },
    };
    const [deliveryId] = await deliver(tx, envelope, [id]);
    await audit({ entityType: "webhook", entityId: id, after: { eventId: envelope.id, deliveryId } });
    return { deliveryId, eventId: envelope.id };
  },
});
