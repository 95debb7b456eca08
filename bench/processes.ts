import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

export type CliResult = { stdout: string; stderr: string; seconds: number };

/** Runs `tsx scripts/pharos.ts …`; a non-zero exit or the deadline is an error carrying the output. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(TSX, ["scripts/pharos.ts", ...args], { cwd: ROOT, env, stdio: "pipe" });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`pharos ${args[0]} timed out after ${timeoutMs / 1000} s\n${tail(stderr)}`));
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolve({ stdout, stderr, seconds });
      else reject(new Error(`pharos ${args.join(" ")} exited ${code}\n${tail(stdout)}\n${tail(stderr)}`));
    });
  });
}

export function tail(text: string, lines = 20): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

export type Server = { child: ChildProcess; pid: number; base: string; log: () => string };

/** Starts the production server (scripts/server.mjs) bound to 127.0.0.1 only. */
export function startServer(port: number, env: NodeJS.ProcessEnv): Server {
  const child = spawn(process.execPath, ["scripts/server.mjs"], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOSTNAME: "127.0.0.1", LOG_LEVEL: "warn", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  // Keep only the end of the output: enough to explain a failed start.
  const keep = (d: Buffer) => {
    log = (log + d.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  if (!child.pid) throw new Error("Could not start scripts/server.mjs");
  return { child, pid: child.pid, base: `http://127.0.0.1:${port}`, log: () => log };
}

export async function waitForHealth(server: Server, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (server.child.exitCode !== null) {
      throw new Error(`The server exited (code ${server.child.exitCode}):\n${tail(server.log())}`);
    }
    try {
      const res = await fetch(`${server.base}/api/health`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) return (performance.now() - started) / 1000;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`GET /api/health did not answer 200 within ${timeoutMs / 1000} s:\n${tail(server.log())}`);
}

/** SIGTERM by PID, then SIGKILL if it has not exited within the grace period. */
export async function stopServer(server: Server, graceMs = 10_000): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.child.once("exit", () => resolve()));
  process.kill(server.pid, "SIGTERM");
  const timer = sleep(graceMs).then(() => "timeout" as const);
  if ((await Promise.race([exited, timer])) === "timeout") {
    process.kill(server.pid, "SIGKILL");
    await exited;
  }
}

/** Resident set size (and peak) of a process, in MB, from /proc (Linux only). */
export function readRss(pid: number): { rssMb: number; peakMb: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) =>
      Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
    return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
  } catch {
    return null;
  }
}

/** True when something already listens on the port (a stale server would skew every figure). */
export async function portInUse(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code !== "ECONNREFUSED";
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until the server's /api/metrics shows a sample named `series`; false after `timeoutMs`. */
export async function waitForMetric(server: Server, series: string, timeoutMs: number) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const res = await fetch(`${server.base}/api/metrics`, { signal: AbortSignal.timeout(10_000) });
    const text = await res.text();
    if (text.split("\n").some((line) => line.startsWith(`${series} `))) return true;
    if (server.child.exitCode !== null) throw new Error(`The server exited:\n${tail(server.log())}`);
    await sleep(500);
  }
  return false;
}
