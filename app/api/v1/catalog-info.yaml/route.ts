import { getDb } from "@/db/client";
import { catalogReader } from "@/lib/api/reader";
import { exportCatalogYaml } from "@/lib/catalog/export";

/** The whole live catalog (with owning groups) as one multi-document catalog-info.yaml. */
export async function GET(request: Request) {
  const reader = await catalogReader(request);
  if (!reader.ok) return reader.response;
  const yaml = (await exportCatalogYaml(getDb())) ?? "";
  return new Response(yaml, {
    headers: {
      "content-type": "application/yaml; charset=utf-8",
      "content-disposition": 'attachment; filename="catalog-info.yaml"',
    },
  });
}
