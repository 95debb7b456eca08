import { getDb } from "@/db/client";
import { listTokens } from "@/lib/admin/queries";
import { commandResponse, jsonBody, readResponse } from "@/lib/api/rest";
import { can } from "@/lib/auth/actor";
import { createToken } from "@/lib/auth/token-commands";

/** The caller's own tokens; `?all=true` lists everyone's for admins. */
export async function GET(request: Request) {
  return readResponse(request, "token.manage_own", async (actor) => {
    const all = new URL(request.url).searchParams.get("all") === "true" && can(actor, "token.manage_any");
    const items = await listTokens(getDb(), {
      userId: all || actor.kind !== "user" ? undefined : actor.user.id,
    });
    return { items, total: items.length, page: 1, pageSize: items.length };
  });
}

export async function POST(request: Request) {
  const body = await jsonBody(request);
  if (!body.ok) return body.response;
  return commandResponse(request, createToken, body.body, 201);
}
