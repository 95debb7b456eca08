import { sql } from "drizzle-orm";
import { getHandle } from "@/db/client";
import { dbGauges } from "./metrics";

export type Health = {
  status: "ok" | "unavailable";
  database: { ok: boolean; driver: string; latencyMs?: number; error?: string };
  uptimeSeconds: number;
};

const TIMEOUT_MS = 2_000;

/** One cheap query with a deadline: a hung database must not hang the health check. */
export async function checkHealth(): Promise<Health> {
  const handle = getHandle();
  const started = performance.now();
  const gauges = dbGauges();
  gauges.poolMax.set({ driver: handle.kind }, handle.poolMax);
  try {
    await Promise.race([
      handle.db.execute(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), TIMEOUT_MS).unref()),
    ]);
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    gauges.up.set(1);
    gauges.pingSeconds.set(latencyMs / 1000);
    return {
      status: "ok",
      database: { ok: true, driver: handle.kind, latencyMs },
      uptimeSeconds: Math.round(process.uptime()),
    };
  } catch (error) {
    gauges.up.set(0);
    return {
      status: "unavailable",
      database: { ok: false, driver: handle.kind, error: describeFailure(error) },
      uptimeSeconds: Math.round(process.uptime()),
    };
  }
}

function describeFailure(error: unknown): string {
  const code = (error as { code?: string }).code;
  return code ? `database unreachable (${code})` : "database unreachable";
}
