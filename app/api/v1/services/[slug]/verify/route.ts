import { commandResponse } from "@/lib/api/rest";
import { verifyService } from "@/lib/catalog/service-commands";

export async function POST(request: Request, { params }: RouteContext<"/api/v1/services/[slug]/verify">) {
  return commandResponse(request, verifyService, { slug: (await params).slug });
}
