"use server";

import { getDb } from "@/db/client";
import { can } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import { executeCommand } from "@/lib/command/execute";
import { logger } from "@/lib/ops/logger";
import { importCatalog, MAX_IMPORT_BYTES } from "./import/apply";
import { finishJob, getJob, startJob } from "./import/jobs";
import { planImport } from "./import/plan";

type Refusal = { ok: false; error: string };

async function importer() {
  const actor = await getActor();
  return actor && can(actor, "service.create") ? actor : null;
}

/** Dry run: what importing this YAML would do, entity by entity. Writes nothing. */
export async function previewImportAction(yaml: string) {
  const actor = await importer();
  if (!actor) return { ok: false, error: "You do not have permission to import services." } satisfies Refusal;
  if (yaml.length > MAX_IMPORT_BYTES)
    return { ok: false, error: "Files are limited to 50 MB." } satisfies Refusal;
  const { services: _s, teams: _t, users: _u, ...plan } = await planImport(getDb(), actor, yaml);
  return { ok: true as const, plan };
}

/** Starts the real import in the background and returns its job id for the progress bar. */
export async function startImportAction(yaml: string) {
  const actor = await importer();
  if (!actor) return { ok: false, error: "You do not have permission to import services." } satisfies Refusal;
  const job = startJob(actor.user.id);
  executeCommand(importCatalog, actor, { yaml, jobId: job.id })
    .then((result) =>
      finishJob(
        job.id,
        result.ok ? { result: result.data } : { error: result.error, result: result.details },
      ),
    )
    .catch((err) => {
      logger.error({ err }, "catalog import crashed");
      finishJob(job.id, { error: "The import failed on our side; nothing was imported." });
    });
  return { ok: true as const, jobId: job.id };
}

export async function importStatusAction(jobId: string) {
  const actor = await getActor();
  const job = getJob(jobId);
  if (!actor || !job || job.ownerId !== actor.user.id) return null;
  return job;
}
