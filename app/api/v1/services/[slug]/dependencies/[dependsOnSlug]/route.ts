import { commandResponse } from "@/lib/api/rest";
import { addDependency, removeDependency } from "@/lib/catalog/dependency-commands";

type Context = RouteContext<"/api/v1/services/[slug]/dependencies/[dependsOnSlug]">;

/** Idempotent; the response names a dependency cycle the edge closes, if any. */
export async function PUT(request: Request, { params }: Context) {
  const { slug, dependsOnSlug } = await params;
  return commandResponse(request, addDependency, { slug, dependsOn: dependsOnSlug });
}

export async function DELETE(request: Request, { params }: Context) {
  const { slug, dependsOnSlug } = await params;
  return commandResponse(request, removeDependency, { slug, dependsOn: dependsOnSlug });
}
