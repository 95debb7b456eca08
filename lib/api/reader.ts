import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import { apiActor } from "./rest";

/**
 * For read-only downloads linked from the UI (YAML exports): a bearer token, or else the
 * browser's session. Never used for writes, which accept bearer tokens only.
 */
export async function readerActor(request: Request): Promise<Actor | null> {
  const viaToken = await apiActor(request);
  if (viaToken) return viaToken;
  return request.headers.get("cookie") ? getActor() : null;
}
