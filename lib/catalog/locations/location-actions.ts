"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { type ActionState, formInput, runAction } from "@/lib/command/action";
import { applyHeldLocation, deleteLocation, registerLocation } from "./location-commands";
import { refreshLocation } from "./refresh";

const LOCATIONS_PATH = "/services/import/locations";

export async function registerLocationAction(_: ActionState, formData: FormData): Promise<ActionState> {
  const result = await runAction(registerLocation, formInput(formData), {
    revalidate: [LOCATIONS_PATH],
    success: "Registered. It is refreshed within a minute, then every 30 minutes; or refresh it now.",
  });
  // The token is never sent back to the browser, not even to refill the form after an error.
  if (result.values) delete result.values.headerValue;
  return result;
}

const OUTCOME = {
  applied: "Refreshed and applied.",
  unchanged: "Refreshed: nothing changed.",
  held: "Refreshed: held for review, because it removes data.",
  failed: "The refresh failed; see the location.",
} as const;

export async function refreshLocationAction(
  _: ActionState,
  formData: FormData,
): Promise<ActionState & { result?: string }> {
  const result = await refreshLocation(await getActor(), String(formData.get("id") ?? ""));
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath(LOCATIONS_PATH);
  const { result: outcome, error } = result.data;
  return { ok: outcome !== "failed", result: outcome, message: OUTCOME[outcome], error: error ?? undefined };
}

export async function applyLocationAction(_: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(applyHeldLocation, formInput(formData), {
    revalidate: [LOCATIONS_PATH, "/services"],
    success: "Applied the held refresh.",
  });
}

export async function deleteLocationAction(_: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(deleteLocation, formInput(formData), {
    revalidate: [LOCATIONS_PATH],
    success: "Removed the location; what it imported stays in the catalog.",
  });
}
