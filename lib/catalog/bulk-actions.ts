"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import type { ActionState } from "@/lib/command/action";
import { executeCommand } from "@/lib/command/execute";
import { plural } from "@/lib/plural";
import { bulkSlugs, summariseBulk } from "./bulk";
import { transferService, verifyService } from "./service-commands";

/*
 * Bulk actions on the catalog table's selected rows. Each service goes through its own
 * command — its own permission check, transaction and audit row — so a bulk action can do
 * nothing that one click per service could not, and one refusal does not undo the rest.
 */

export async function bulkVerifyAction(_: ActionState, formData: FormData): Promise<ActionState> {
  const slugs = bulkSlugs(formData);
  if (!slugs.ok) return { ok: false, error: slugs.error };
  const actor = await getActor();
  const outcomes = [];
  for (const slug of slugs.value)
    outcomes.push({ slug, result: await executeCommand(verifyService, actor, { slug }) });
  revalidatePath("/services");
  return summariseBulk(outcomes, (n) => `Verified ${plural(n, { one: "service", other: "services" })}.`);
}

export async function bulkTransferAction(_: ActionState, formData: FormData): Promise<ActionState> {
  const slugs = bulkSlugs(formData);
  if (!slugs.ok) return { ok: false, error: slugs.error };
  const ownerTeam = String(formData.get("ownerTeam") ?? "");
  if (!ownerTeam)
    return {
      ok: false,
      error: "Choose the team that should own them.",
      fieldErrors: { ownerTeam: "Choose a team." },
    };
  const actor = await getActor();
  const outcomes = [];
  for (const slug of slugs.value)
    outcomes.push({ slug, result: await executeCommand(transferService, actor, { slug, ownerTeam }) });
  revalidatePath("/services");
  // The team's name as the command read it (the command refuses an unknown slug first).
  const moved = outcomes.find((o) => o.result.ok)?.result;
  const to = moved?.ok ? moved.data.ownerTeamName : ownerTeam;
  return summariseBulk(
    outcomes,
    (n) => `Moved ${plural(n, { one: "service", other: "services" })} to ${to}.`,
  );
}
