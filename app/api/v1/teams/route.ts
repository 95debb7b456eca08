import { getDb } from "@/db/client";
import { listTeams } from "@/lib/admin/queries";
import { createTeam } from "@/lib/admin/team-commands";
import { parsePaging } from "@/lib/api/paging";
import { commandResponse, jsonBody, readResponse } from "@/lib/api/rest";

export async function GET(request: Request) {
  return readResponse(request, "catalog.read", async () => {
    const paging = parsePaging(new URL(request.url).searchParams);
    const all = await listTeams(getDb());
    return {
      items: all.slice(paging.offset, paging.offset + paging.pageSize),
      total: all.length,
      page: paging.page,
      pageSize: paging.pageSize,
    };
  });
}

export async function POST(request: Request) {
  const body = await jsonBody(request);
  if (!body.ok) return body.response;
  return commandResponse(request, createTeam, body.body, 201);
}
