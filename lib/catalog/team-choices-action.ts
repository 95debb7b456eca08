"use server";

import { getActor } from "@/lib/auth/session";
import { runQuery } from "@/lib/query/run";
import { teamChoicesRead } from "./reads";

/** The catalog pickers' teams (move services to, share a view with); null when refused. */
export async function teamChoicesAction() {
  const result = await runQuery(teamChoicesRead, await getActor(), {});
  return result.ok ? result.data : null;
}
