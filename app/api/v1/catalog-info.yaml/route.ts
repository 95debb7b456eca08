import { getDb } from "@/db/client";
import { readerActor } from "@/lib/api/reader";
import { errorResponse } from "@/lib/api/rest";
import { can } from "@/lib/auth/actor";
import { exportCatalogYaml } from "@/lib/catalog/export";

/** The whole live catalog (with owning groups) as one multi-document catalog-info.yaml. */
export async function GET(request: Request) {
  const actor = await readerActor(request);
  if (!actor)
    return errorResponse({
      code: "unauthorized",
      error: "Send a valid API token as `Authorization: Bearer …`.",
    });
  if (!can(actor, "catalog.read"))
    return errorResponse({ code: "forbidden", error: "Your token or role does not allow this." });
  const yaml = (await exportCatalogYaml(getDb())) ?? "";
  return new Response(yaml, {
    headers: {
      "content-type": "application/yaml; charset=utf-8",
      "content-disposition": 'attachment; filename="catalog-info.yaml"',
    },
  });
}
