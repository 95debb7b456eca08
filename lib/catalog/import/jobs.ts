import { randomUUID } from "node:crypto";

export type ImportJob = {
  id: string;
  ownerId: string | null;
  status: "running" | "done" | "failed";
  processed: number;
  total: number;
  phase: string;
  result?: unknown;
  error?: string;
  startedAt: number;
  finishedAt?: number;
};

const key = Symbol.for("pharos.import.jobs");
type GlobalWithJobs = typeof globalThis & { [key]?: Map<string, ImportJob> };
const jobs = () => ((globalThis as GlobalWithJobs)[key] ??= new Map());

const KEEP_MS = 60 * 60 * 1000;

/**
 * Progress of imports running in this process, for the progress bar. The outcome of each
 * import is durable in the audit log; this registry only answers "how far along is it?".
 */
export function startJob(ownerId: string | null): ImportJob {
  const now = Date.now();
  for (const [id, job] of jobs()) if (job.finishedAt && now - job.finishedAt > KEEP_MS) jobs().delete(id);
  const job: ImportJob = {
    id: randomUUID(),
    ownerId,
    status: "running",
    processed: 0,
    total: 0,
    phase: "reading",
    startedAt: now,
  };
  jobs().set(job.id, job);
  return job;
}

export function reportProgress(id: string | undefined, phase: string, processed: number, total: number) {
  const job = id ? jobs().get(id) : undefined;
  if (job) Object.assign(job, { phase, processed, total });
}

export function finishJob(id: string, outcome: { result?: unknown; error?: string }) {
  const job = jobs().get(id);
  if (job)
    Object.assign(job, { ...outcome, status: outcome.error ? "failed" : "done", finishedAt: Date.now() });
}

export function getJob(id: string): ImportJob | undefined {
  return jobs().get(id);
}
