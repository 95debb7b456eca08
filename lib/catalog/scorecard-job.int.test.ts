import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { services } from "@/db/schema";
import { runJob } from "@/lib/jobs/run";
import { metricsRegistry } from "@/lib/ops/metrics";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { refreshScorecardsJob } from "./scorecard-job";

const t = withTestDatabase();

async function lastSuccess() {
  const metric = await metricsRegistry().getSingleMetric("pharos_job_last_success_timestamp_seconds")?.get();
  return metric?.values.find((v) => v.labels.job === "catalog.refresh-scorecards")?.value;
}

describe("the hourly scorecard job", () => {
  it("brings levels up to date as time passes, and says when it last ran", async () => {
    await demo(t.db);
    // Time alone fails "verified in the last 90 days": age a verification behind the job's back.
    const [before] = await t.db.select().from(services).where(eq(services.slug, "payments-api"));
    await t.db.execute(
      sql`update ${services} set verified_at = now() - interval '400 days', last_dr_test_at = now() - interval '400 days' where slug = 'payments-api'`,
    );
    const startedAt = Date.now() / 1000;
    await runJob(
      refreshScorecardsJob,
      {},
      {
        id: "test",
        name: refreshScorecardsJob.name,
        attempt: 1,
        retryLimit: 0,
        isLastAttempt: true,
      },
    );
    const [after] = await t.db.select().from(services).where(eq(services.slug, "payments-api"));
    expect(after.scorecardPassed).toBeLessThan(before.scorecardPassed);
    expect(after.scorecardCheckedAt!.getTime()).toBeGreaterThan(before.scorecardCheckedAt?.getTime() ?? 0);
    expect(await lastSuccess()).toBeGreaterThanOrEqual(Math.floor(startedAt));
  });
});
