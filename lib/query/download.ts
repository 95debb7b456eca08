import "server-only";
import type { z } from "zod";
import { errorResponse } from "@/lib/api/errors";
import { getActor } from "@/lib/auth/session";
import type { Query } from "./define";
import { runQuery } from "./run";

type Context = { params: Promise<Record<string, string>> };

/**
 * A file the signed-in browser downloads (a link in a page, so the session cookie is the
 * credential — the REST API under /api/v1 takes bearer tokens only). The route file binds
 * a query to a file name: `export const GET = download(serviceYamlRead, …)`.
 */
export function download<S extends z.ZodType>(
  query: Query<S, string | ReadableStream<Uint8Array> | null>,
  file: (params: Record<string, string>) => { input: z.input<S>; name: string; type: string },
) {
  return async (_request: Request, context: Context) => {
    const params = await context.params;
    const { input, name, type } = file(params);
    const result = await runQuery(query, await getActor(), input);
    if (!result.ok) return errorResponse(result);
    return new Response(result.data, {
      headers: {
        "content-type": type,
        "content-disposition": `attachment; filename="${name.replace(/[^\w.-]/g, "_")}"`,
        "cache-control": "private, no-store",
      },
    });
  };
}
