import { getDb } from "@/db/client";
import { catalogReader } from "@/lib/api/reader";
import { errorResponse } from "@/lib/api/rest";
import { exportCatalogYaml } from "@/lib/catalog/export";

/** One service as Backstage YAML. Readable with a token, or from the signed-in browser (a download link). */
export async function GET(
  request: Request,
  { params }: RouteContext<"/api/v1/services/[slug]/catalog-info.yaml">,
) {
  const reader = await catalogReader(request);
  if (!reader.ok) return reader.response;
  const { slug } = await params;
  const yaml = await exportCatalogYaml(getDb(), slug);
  if (yaml === null) return errorResponse({ code: "not_found", error: `No service with slug "${slug}".` });
  return new Response(yaml, {
    headers: {
      "content-type": "application/yaml; charset=utf-8",
      "content-disposition": `attachment; filename="${slug}.catalog-info.yaml"`,
    },
  });
}
