import { getDb } from "@/db/client";
import { asRoute, commandResponse, jsonBody } from "@/lib/api/rest";
import { listServicesReply } from "@/lib/api/service-reads";
import { createService } from "@/lib/catalog/service-commands";
import { servicesJson } from "@/lib/catalog/service-json";

export const GET = asRoute(listServicesReply);

export async function POST(request: Request) {
  const body = await jsonBody(request);
  if (!body.ok) return body.response;
  const response = await commandResponse(request, createService, body.body, 201);
  if (response.status !== 201) return response;
  const created = await response.json();
  const [json] = await servicesJson(getDb(), [created.slug]);
  return Response.json(json, { status: 201, headers: { location: `/api/v1/services/${created.slug}` } });
}
