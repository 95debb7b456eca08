"use server";

import { getActor } from "@/lib/auth/session";
import { runQuery } from "@/lib/query/run";
import { serviceSuggestRead } from "./reads";

/** The "add a dependency" field's suggestions, as the signed-in person may read them; null when refused. */
export async function suggestServicesAction(q: string, except: string) {
  const result = await runQuery(serviceSuggestRead, await getActor(), { q, except });
  return result.ok ? result.data : null;
}
