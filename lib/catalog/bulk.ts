import type { ActionState } from "@/lib/command/action";
import type { Result } from "@/lib/command/result";
import { plural } from "@/lib/plural";

/** The id of the bulk-action form the table's checkboxes belong to (`form=` attribute). */
export const BULK_FORM = "catalog-bulk";

/** One page of the table at most: a bulk action is for what a person can see and select. */
export const MAX_BULK = 100;

/** The selected slugs (the table and the cards may both send one), once each. */
export function bulkSlugs(formData: FormData): { ok: true; value: string[] } | { ok: false; error: string } {
  const slugs = [
    ...new Set(formData.getAll("slug").filter((s): s is string => typeof s === "string" && s !== "")),
  ];
  if (!slugs.length) return { ok: false, error: "Select at least one service first." };
  if (slugs.length > MAX_BULK) return { ok: false, error: `Select at most ${MAX_BULK} services at once.` };
  return { ok: true, value: slugs };
}

/** "Verified 3 services." plus, when some were refused, which and why (the first reason). */
export function summariseBulk(
  outcomes: { slug: string; result: Result<unknown> }[],
  done: (n: number) => string,
): ActionState {
  const succeeded = outcomes.filter((o) => o.result.ok).length;
  const refused = outcomes.filter((o) => !o.result.ok);
  if (!refused.length) return { ok: true, message: done(succeeded) };
  const first = refused[0].result as { error: string };
  const names = refused.map((o) => o.slug).join(", ");
  const head = succeeded ? `${done(succeeded)} ` : "";
  return {
    ok: succeeded > 0,
    error: `${head}${plural(refused.length, { one: "service was", other: "services were" })} not changed (${names}): ${first.error}`,
  };
}
