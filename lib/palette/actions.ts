"use server";

import { getActor } from "@/lib/auth/session";
import { runQuery } from "@/lib/query/run";
import { paletteRead } from "./reads";

/** The palette's search as the signed-in person; null when they may not search. */
export async function paletteSearchAction(q: string) {
  const result = await runQuery(paletteRead, await getActor(), { q });
  return result.ok ? result.data : null;
}
