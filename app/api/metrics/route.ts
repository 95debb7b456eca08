import { checkHealth } from "@/lib/ops/health";
import { metricsRegistry } from "@/lib/ops/metrics";
import { metricsToken, scrapeAllowed, scrapeRefused } from "@/lib/ops/metrics-auth";

export const dynamic = "force-dynamic";

/**
 * Prometheus scrape endpoint, behind `PHAROS_METRICS_TOKEN` when that is set (checked
 * before anything else runs). Each scrape also probes the database so `pharos_db_up` is current.
 */
export async function GET(request: Request) {
  const authorization = request.headers.get("authorization");
  if (!scrapeAllowed(authorization, metricsToken())) return scrapeRefused(authorization);
  await checkHealth();
  const registry = metricsRegistry();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
}
