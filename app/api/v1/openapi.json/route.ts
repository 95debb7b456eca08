import { openApiDocument } from "@/lib/api/openapi";

/** Public, like most API descriptions: it documents the API, it grants nothing. */
export function GET() {
  return Response.json(openApiDocument());
}
