import { getDb } from "@/db/client";
import { ROLES, type Role } from "@/db/schema/enums";
import { listUsers } from "@/lib/admin/queries";
import { createUser } from "@/lib/admin/user-commands";
import { parsePaging } from "@/lib/api/paging";
import { commandResponse, jsonBody, readResponse } from "@/lib/api/rest";

export async function GET(request: Request) {
  return readResponse(request, "user.manage", async () => {
    const params = new URL(request.url).searchParams;
    const paging = parsePaging(params);
    const role = ROLES.includes(params.get("role") as Role) ? (params.get("role") as Role) : undefined;
    const status = params.get("status");
    const { items, total } = await listUsers(
      getDb(),
      {
        q: params.get("q") ?? undefined,
        role,
        status: status === "active" || status === "deactivated" ? status : undefined,
      },
      paging,
    );
    return { items, total, page: paging.page, pageSize: paging.pageSize };
  });
}

export async function POST(request: Request) {
  const body = await jsonBody(request);
  if (!body.ok) return body.response;
  return commandResponse(request, createUser, body.body, 201);
}
