import { addTeamMember } from "@/lib/admin/team-commands";
import { commandResponse, jsonBody } from "@/lib/api/rest";

export async function POST(request: Request, { params }: RouteContext<"/api/v1/teams/[slug]/members">) {
  const { slug } = await params;
  const body = await jsonBody(request);
  if (!body.ok) return body.response;
  return commandResponse(request, addTeamMember, { ...(body.body as object), team: slug }, 201);
}
