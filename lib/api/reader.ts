import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import { apiActor, errorResponse } from "./rest";

/**
 * For read-only downloads linked from the UI (YAML exports): a bearer token, or else the
 * browser's session. Never used for writes, which accept bearer tokens only.
 */
export async function readerActor(request: Request): Promise<Actor | null> {
  const viaToken = await apiActor(request);
  if (viaToken) return viaToken;
  return request.headers.get("cookie") ? getActor() : null;
}

/** The actor allowed to read the catalog, or the 401/403 response to send instead. */
export async function catalogReader(
  request: Request,
): Promise<{ ok: true; actor: Actor } | { ok: false; response: Response }> {
  const actor = await readerActor(request);
  if (!actor)
    return {
      ok: false,
      response: errorResponse({
        code: "unauthorized",
        error: "Send a valid API token as `Authorization: Bearer …`.",
      }),
    };
  if (!can(actor, "catalog.read"))
    return {
      ok: false,
      response: errorResponse({ code: "forbidden", error: "Your token or role does not allow this." }),
    };
  return { ok: true, actor };
}
