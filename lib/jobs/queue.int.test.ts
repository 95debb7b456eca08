import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { jobs } from "@/db/schema";
import { metricsRegistry } from "@/lib/ops/metrics";
import { withTestDatabase } from "@/tests/database";
import { defineJob } from "./define";
import { enqueue, enqueueInTransaction } from "./enqueue";
import { createQueue, type JobQueue } from "./queue";
import { JOBS } from "./registry";

const t = withTestDatabase();
const queues: JobQueue[] = [];
const start = async (options: Parameters<typeof createQueue>[0]) => {
  const q = await createQueue({ handle: t.handle, pollSeconds: 0.5, ...options });
  queues.push(q);
  return q;
};
afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.stop()));
});

const until = async (check: () => boolean | Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
};

async function runs(job: string, outcome: string) {
  const metric = await metricsRegistry().getSingleMetric("pharos_job_runs_total")?.get();
  return metric?.values.find((v) => v.labels.job === job && v.labels.outcome === outcome)?.value ?? 0;
}

describe("the job queue", () => {
  it("runs an enqueued job, retries a failure with back-off, and counts each run by outcome", async () => {
    const seen: { n: number; attempt: number; last: boolean }[] = [];
    const flaky = defineJob<{ n: number }>({
      name: "test.flaky",
      retryLimit: 2,
      retryDelay: 1,
      retryBackoff: false,
      async handler(data, job) {
        seen.push({ n: data.n, attempt: job.attempt, last: job.isLastAttempt });
        if (job.attempt < 2) throw new Error("not yet");
      },
    });
    const doomed = defineJob({
      name: "test.doomed",
      retryLimit: 1,
      retryDelay: 1,
      retryBackoff: false,
      async handler() {
        throw new Error("never");
      },
    });
    await start({ jobs: [flaky, doomed] });
    await enqueue(flaky, { n: 7 });
    await enqueue(doomed, {});
    await until(
      async () =>
        (await runs("test.flaky", "completed")) === 1 && (await runs("test.doomed", "failed")) === 1,
    );
    expect(seen).toEqual([
      { n: 7, attempt: 1, last: false },
      { n: 7, attempt: 2, last: false },
    ]);
    expect(await runs("test.flaky", "retrying")).toBe(1);
    expect(await runs("test.doomed", "retrying")).toBe(1);
    const metrics = await metricsRegistry().metrics();
    expect(metrics).toMatch(
      /pharos_job_run_duration_seconds_count\{job="test.flaky",outcome="completed"\} 1/,
    );
  });

  it("sends nothing enqueued in a transaction that rolled back", async () => {
    let ran = 0;
    const job = defineJob({
      name: "test.rolled-back",
      async handler() {
        ran += 1;
      },
    });
    await t.db
      .transaction(async (tx) => {
        await enqueueInTransaction(tx, job, {});
        throw new Error("roll back");
      })
      .catch(() => {});
    const committed = defineJob({ name: "test.committed", handler: async () => {} });
    await start({ jobs: [job, committed] });
    // A job enqueued after it runs, so the queue has had its chance at the first.
    await enqueue(committed, {});
    await until(async () => (await runs("test.committed", "completed")) === 1);
    expect(ran).toBe(0);
    expect(await t.db.select().from(jobs).where(eq(jobs.name, job.name))).toEqual([]);
  });

  it("keeps a job across a restart: a stopped queue leaves it, a new queue instance runs it", async () => {
    const ran: string[] = [];
    const job = defineJob<{ v: string }>({
      name: "test.durable",
      async handler(data) {
        ran.push(data.v);
      },
    });
    const first = await start({ jobs: [job], work: false });
    await enqueue(job, { v: "kept" });
    if (t.handle.kind === "postgres") {
      // The first instance takes it into pg-boss, then goes away before any worker runs it.
      await until(async () => (await t.db.select().from(jobs).where(eq(jobs.name, job.name))).length === 0);
      const [row] = (await t.db.execute(
        sql`select state from pgboss.job where name = ${job.name}`,
      )) as unknown as { state: string }[];
      expect(row.state).toBe("created");
    }
    await first.stop();
    expect(ran).toEqual([]);
    await start({ jobs: [job] });
    await until(() => ran.length === 1);
    expect(ran).toEqual(["kept"]);
  });

  it("runs a scheduled tick exactly once with two queue instances", { timeout: 150_000 }, async () => {
    const ticks: number[] = [];
    const postgres = t.handle.kind === "postgres";
    // pg-boss schedules have minute precision; the in-process runner's timers take seconds.
    const job = defineJob({
      name: "test.scheduled",
      schedule: postgres ? "* * * * *" : "*/2 * * * * *",
      async handler() {
        ticks.push(Date.now());
      },
    });
    if (postgres && new Date().getSeconds() > 45)
      await new Promise((r) => setTimeout(r, (61 - new Date().getSeconds()) * 1000));
    await Promise.all([
      start({ jobs: [job], schedules: true, cronCheckSeconds: 1 }),
      start({ jobs: [job], schedules: true, cronCheckSeconds: 1 }),
    ]);
    if (postgres) {
      // The current minute's tick is sent at once, by one of the two.
      await until(() => ticks.length >= 1, 20_000);
      await new Promise((r) => setTimeout(r, 8000));
      expect(ticks).toHaveLength(1);
    } else {
      await new Promise((r) => setTimeout(r, 7000));
      const keys = await t.db.select({ key: jobs.singletonKey }).from(jobs).where(eq(jobs.name, job.name));
      expect(keys.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBe(keys.length);
      expect(new Set(keys.map((k) => k.key)).size).toBe(keys.length);
    }
  });

  it("lists every job defined in lib/ in the registry", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const defined = fs
      .readdirSync(path.join(root, "lib"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .flatMap((f) =>
        [
          ...fs
            .readFileSync(path.join(root, "lib", f), "utf8")
            .matchAll(/defineJob(?:<[^>]*>)?\(\{\s*name: "([^"]+)"/g),
        ].map((m) => m[1]),
      );
    expect(defined.sort()).toEqual(JOBS.map((j) => j.name).sort());
  });
});
