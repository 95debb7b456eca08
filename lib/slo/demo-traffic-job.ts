import { getDb } from "@/db/client";
import { continueDemoTraffic } from "@/db/seed/demo-traffic";
import { defineJob } from "@/lib/jobs/define";
import { logger } from "@/lib/ops/logger";

/** Every minute, when PHAROS_DEMO_TRAFFIC=1: the demo's SLOs keep receiving measurements. */
export const demoTrafficJob = defineJob({
  name: "demo.traffic",
  schedule: "* * * * *",
  retryLimit: 0,
  async handler() {
    if (process.env.PHAROS_DEMO_TRAFFIC !== "1") return;
    const buckets = await continueDemoTraffic(getDb());
    if (buckets) logger.debug({ buckets }, "demo traffic written");
  },
});
