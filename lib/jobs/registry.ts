import { refreshLocationsJob } from "@/lib/catalog/locations/location-job";
import { refreshScorecardsJob } from "@/lib/catalog/scorecard-job";
import { demoTrafficJob } from "@/lib/slo/demo-traffic-job";
import { evaluateAlertsJob, slosRetentionJob } from "@/lib/slo/slo-jobs";
import { deliverWebhookJob, pruneDeliveriesJob } from "@/lib/webhooks/delivery-job";
import type { AnyJob } from "./define";

/**
 * Every background job Pharos has. A queue creates, runs and schedules what is listed here;
 * a job enqueued but not listed would wait forever, so a test checks each `defineJob` is.
 */
export const JOBS: readonly AnyJob[] = [
  refreshScorecardsJob,
  refreshLocationsJob,
  deliverWebhookJob,
  pruneDeliveriesJob,
  evaluateAlertsJob,
  slosRetentionJob,
  demoTrafficJob,
];
