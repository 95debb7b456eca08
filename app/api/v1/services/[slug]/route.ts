import { getDb } from "@/db/client";
import { apiCall, commandResponse, errorResponse, jsonBody, toResponse } from "@/lib/api/rest";
import { serviceReply } from "@/lib/api/service-reads";
import { archiveService, restoreService, updateService } from "@/lib/catalog/service-commands";
import { servicesJson } from "@/lib/catalog/service-json";

export async function GET(request: Request, { params }: RouteContext<"/api/v1/services/[slug]">) {
  return toResponse(await serviceReply(apiCall(request), (await params).slug));
}

/** Any service fields (slug excepted); `archived: true|false` archives or restores. */
export async function PATCH(request: Request, { params }: RouteContext<"/api/v1/services/[slug]">) {
  const { slug } = await params;
  const body = await jsonBody(request);
  if (!body.ok) return body.response;
  const { archived, ...fields } = (body.body ?? {}) as Record<string, unknown>;
  if (archived !== undefined && typeof archived !== "boolean") {
    return errorResponse({
      code: "invalid",
      error: "archived must be true or false.",
      fieldErrors: { archived: "Must be a boolean." },
    });
  }
  if (Object.keys(fields).length) {
    const updated = await commandResponse(request, updateService, { ...fields, slug });
    if (!updated.ok) return updated;
  }
  if (archived !== undefined) {
    const toggled = await commandResponse(request, archived ? archiveService : restoreService, { slug });
    if (!toggled.ok) return toggled;
  }
  if (!Object.keys(fields).length && archived === undefined) {
    return errorResponse({ code: "invalid", error: "Send at least one field to change." });
  }
  const [json] = await servicesJson(getDb(), [slug]);
  return Response.json(json);
}
