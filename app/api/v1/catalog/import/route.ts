import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { apiActor, commandResponse, errorResponse } from "@/lib/api/rest";
import { can } from "@/lib/auth/actor";
import { importCatalog, MAX_IMPORT_BYTES } from "@/lib/catalog/import/apply";
import { planImport } from "@/lib/catalog/import/plan";

/**
 * Body: catalog-info.yaml (one or many documents). `?dryRun=true` previews every entity as
 * create / update / unchanged / skipped / error without writing. A real run is all or
 * nothing: 200 with the report, or 400 with the per-entity report and nothing written.
 */
export async function POST(request: Request) {
  const yaml = await request.text();
  if (yaml.length > MAX_IMPORT_BYTES)
    return errorResponse({ code: "invalid", error: "Files are limited to 50 MB." });
  if (new URL(request.url).searchParams.get("dryRun") !== "true")
    return commandResponse(request, importCatalog, { yaml });
  const actor = await apiActor(request);
  if (!actor)
    return errorResponse({
      code: "unauthorized",
      error: "Send a valid API token as `Authorization: Bearer …`.",
    });
  if (!can(actor, "service.create"))
    return errorResponse({ code: "forbidden", error: "Your token or role does not allow this." });
  const { services: _s, teams: _t, users: _u, ...plan } = await planImport(getDb(), actor, yaml);
  return NextResponse.json({ dryRun: true, ...plan });
}
