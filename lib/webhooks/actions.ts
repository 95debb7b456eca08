"use server";

import { redirect } from "next/navigation";
import { type ActionState, formInput, runAction } from "@/lib/command/action";
import {
  createWebhook,
  deleteWebhook,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhook,
} from "./webhook-commands";

const paths = (input: Record<string, unknown>) => [
  "/admin/webhooks",
  ...(typeof input.id === "string" ? [`/admin/webhooks/${input.id}`] : []),
];

export async function createWebhookAction(_: ActionState, formData: FormData) {
  const input = formInput(formData);
  return runAction(createWebhook, input, { revalidate: paths(input) });
}

export async function updateWebhookAction(_: ActionState, formData: FormData) {
  const input = formInput(formData);
  return runAction(updateWebhook, input, { revalidate: paths(input), success: "Webhook saved." });
}

export async function setWebhookEnabledAction(_: ActionState, formData: FormData) {
  const input = formInput(formData);
  return runAction(
    updateWebhook,
    { id: input.id, enabled: input.enabled },
    {
      revalidate: paths(input),
      success: (w) => (w.enabled ? "Webhook enabled; new events are delivered again." : "Webhook disabled."),
    },
  );
}

export async function rotateWebhookSecretAction(_: ActionState, formData: FormData) {
  const input = formInput(formData);
  return runAction(rotateWebhookSecret, input, { revalidate: paths(input) });
}

export async function sendTestWebhookAction(_: ActionState, formData: FormData) {
  const input = formInput(formData);
  return runAction(sendTestWebhook, input, {
    revalidate: paths(input),
    success: "Test queued; it appears in the delivery log in a moment.",
  });
}

export async function deleteWebhookAction(_: ActionState, formData: FormData) {
  const input = formInput(formData);
  const state = await runAction(deleteWebhook, input, { revalidate: paths(input) });
  if (state.ok) redirect("/admin/webhooks");
  return state;
}
