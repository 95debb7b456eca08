import { commandResponse } from "@/lib/api/rest";
import { revokeToken } from "@/lib/auth/token-commands";

export async function DELETE(request: Request, { params }: RouteContext<"/api/v1/tokens/[id]">) {
  return commandResponse(request, revokeToken, { id: (await params).id });
}
