import { getDb } from "@/db/client";
import { getUser } from "@/lib/admin/queries";
import { deactivateUser, publicUser, reactivateUser, updateUser } from "@/lib/admin/user-commands";
import { commandResponse, errorResponse, jsonBody, readResponse } from "@/lib/api/rest";

export async function GET(request: Request, { params }: RouteContext<"/api/v1/users/[id]">) {
  const { id } = await params;
  return readResponse(request, "user.manage", async () => {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const user = await getUser(getDb(), id);
    return user ? publicUser(user) : null;
  });
}

/** `{"name"?, "role"?, "active"?}`; `active: false` deactivates (sessions and tokens end at once). */
export async function PATCH(request: Request, { params }: RouteContext<"/api/v1/users/[id]">) {
  const { id } = await params;
  const body = await jsonBody(request);
  if (!body.ok) return body.response;
  const input = (body.body ?? {}) as Record<string, unknown>;
  if ("active" in input) {
    if (typeof input.active !== "boolean") {
      return errorResponse({
        code: "invalid",
        error: "active must be true or false.",
        fieldErrors: { active: "Must be a boolean." },
      });
    }
    return commandResponse(request, input.active ? reactivateUser : deactivateUser, { id });
  }
  return commandResponse(request, updateUser, { ...input, id });
}
