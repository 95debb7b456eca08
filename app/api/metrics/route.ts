import { checkHealth } from "@/lib/ops/health";
import { metricsRegistry } from "@/lib/ops/metrics";

export const dynamic = "force-dynamic";

/** Prometheus scrape endpoint. Each scrape also probes the database so `pharos_db_up` is current. */
export async function GET() {
  await checkHealth();
  const registry = metricsRegistry();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
}
