import { readResponse } from "@/lib/api/rest";

export async function GET(request: Request) {
  return readResponse(request, "profile.read", async (actor) =>
    actor.kind === "user" ? { ...actor.user, scopes: actor.token?.scopes ?? [] } : null,
  );
}
