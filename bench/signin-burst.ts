/**
 * Health during a sign-in burst: one password sign-in per account, all at once, through next-auth's
 * credentials flow (GET /api/auth/csrf, then POST /api/auth/callback/credentials with the
 * token and its cookie), while GET /api/health is timed every `intervalMs`. A password hash
 * on the event loop stalls every request behind it; on a thread pool health barely moves.
 */
import fs from "node:fs";
import path from "node:path";
import { KeepAliveClient } from "./clients";
import type { Figures } from "./compare";
import { signIn } from "./http-bench";
import { ROOT, sleep } from "./processes";
import { median, percentile } from "./stats";

export type BurstResult = {
  hashing: string;
  parallel: number;
  before: Figures;
  during: Figures & { max: number };
  signIn: { median: number; max: number };
  burstMs: number;
};

const figures = (samples: number[]): Figures => ({
  median: median(samples),
  p95: percentile(samples, 95),
  samples: samples.length,
});

/** Which hash the server under test signs in with, read from the source it was built from. */
export function passwordHashing(): string {
  try {
    const source = fs.readFileSync(path.join(ROOT, "lib", "auth", "password.ts"), "utf8");
    if (source.includes('"@node-rs/bcrypt"')) return "@node-rs/bcrypt (native, libuv thread pool)";
    if (source.includes('"@node-rs/argon2"')) return "@node-rs/argon2 (native, libuv thread pool)";
    if (source.includes('"bcryptjs"')) return "bcryptjs (JavaScript, on the event loop)";
  } catch {
    // Fall through.
  }
  return "unknown";
}

/** Times health every `intervalMs` (each tick waits for the previous answer) until `done` is set. */
async function tickHealth(client: KeepAliveClient, intervalMs: number, until: () => boolean, max: number) {
  const samples: number[] = [];
  const started = performance.now();
  for (let tick = 0; !until() && samples.length < max; tick++) {
    const answer = await client.get({ path: "/api/health" });
    if (answer.status !== 200) throw new Error(`GET /api/health answered ${answer.status}`);
    samples.push(answer.ms);
    const next = started + (tick + 1) * intervalMs;
    const wait = next - performance.now();
    if (wait > 0) await sleep(wait);
  }
  return samples;
}

export async function signInBurst(
  base: string,
  users: { email: string; password: string }[],
  opts: { intervalMs?: number } = {},
): Promise<BurstResult> {
  const intervalMs = opts.intervalMs ?? 20;
  const health = new KeepAliveClient(base, 30_000);
  let done = false;
  let ticking: Promise<number[]> | null = null;
  try {
    // One second of health alone, for comparison.
    const quietUntil = performance.now() + 1_000;
    const before = await tickHealth(health, intervalMs, () => performance.now() > quietUntil, 500);
    ticking = tickHealth(health, intervalMs, () => done, 10_000);
    const started = performance.now();
    // One account each: parallel tries at one account are throttled before any hashing.
    const durations = await Promise.all(
      users.map(async (user) => {
        const t0 = performance.now();
        await signIn(base, user.email, user.password, 120_000);
        return performance.now() - t0;
      }),
    ).finally(() => {
      done = true;
    });
    const burstMs = performance.now() - started;
    const during = await ticking;
    return {
      hashing: passwordHashing(),
      parallel: users.length,
      before: figures(before),
      during: { ...figures(during), max: Math.max(...during) },
      signIn: { median: median(durations), max: Math.max(...durations) },
      burstMs,
    };
  } finally {
    done = true;
    // Let the last health request finish before its socket goes (a failed burst included).
    await ticking?.catch(() => {});
    health.close();
  }
}
