import "server-only";
import { notFound } from "next/navigation";
import type { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import type { Query } from "./define";
import { runQuery } from "./run";

/** What a page gets back from `pageQuery`: the data, or that the viewer may not see it. */
export type PageRead<R> = { ok: true; data: R } | { ok: false; forbidden: true };

/**
 * The page door to the read gate: the signed-in person (or the sign-in page) runs the
 * query. Not found becomes Next's 404; forbidden is returned so the page can explain it;
 * anything else is thrown to the route's error boundary.
 */
export async function pageQuery<S extends z.ZodType, R>(
  query: Query<S, R>,
  input: z.input<S>,
): Promise<PageRead<NonNullable<R>>> {
  const actor = await requireActor();
  const result = await runQuery(query, actor, input);
  if (result.ok) return result;
  if (result.code === "forbidden") return { ok: false, forbidden: true };
  if (result.code === "not_found") notFound();
  throw new Error(`${query.name}: ${result.error}`);
}
