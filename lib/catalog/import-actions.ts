"use server";

import { can } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import { executeCommand } from "@/lib/command/execute";
import type { Failure } from "@/lib/command/result";
import { logger } from "@/lib/ops/logger";
import { runQuery } from "@/lib/query/run";
import { importPreviewRead } from "./api-reads";
import { importCatalog } from "./import/apply";
import { finishJob, startJob } from "./import/jobs";
import { importStatusRead } from "./import-reads";

type Refusal = { ok: false; error: string };

/** Dry run: what importing this YAML would do, entity by entity. Writes nothing. */
export async function previewImportAction(yaml: string) {
  const result = await runQuery(importPreviewRead, await getActor(), { yaml });
  if (!result.ok) return { ok: false, error: refusal(result) } satisfies Refusal;
  return { ok: true as const, plan: result.data };
}

/** Starts the real import in the background and returns its job id for the progress bar. */
export async function startImportAction(yaml: string) {
  return startImport(yaml, false);
}

/**
 * The same, applying the updates that remove data (the person ticked the box under the dry
 * run). An action of its own rather than a second argument: with one string argument the
 * file travels as the whole body, which is what the body limit is set for.
 */
export async function startConfirmedImportAction(yaml: string) {
  return startImport(yaml, true);
}

async function startImport(yaml: string, confirmRemovals: boolean) {
  const actor = await getActor();
  // The job only reports progress; the command checks the permission again when it runs.
  if (!actor || !can(actor, importCatalog.permission))
    return { ok: false, error: "You do not have permission to import services." } satisfies Refusal;
  const job = startJob(actor.user.id);
  executeCommand(importCatalog, actor, { yaml, jobId: job.id, confirmRemovals })
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

/** The progress of an import this person started; null for anyone else's (or an unknown) job. */
export async function importStatusAction(jobId: string) {
  const result = await runQuery(importStatusRead, await getActor(), { jobId });
  return result.ok ? result.data : null;
}

function refusal(failure: Failure) {
  if (failure.code === "unauthorized" || failure.code === "forbidden")
    return "You do not have permission to import services.";
  return failure.fieldErrors?.yaml ?? failure.error;
}
