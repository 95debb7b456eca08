"use client";

import { useQuery } from "@tanstack/react-query";
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { Textarea } from "@/components/ui/input";
import Link from "@/components/ui/link";
import {
  formatMegabytes,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_LABEL,
  tooLargeMessage,
  uploadSizeProblem,
} from "@/lib/catalog/import/limits";
import type { PlanRow } from "@/lib/catalog/import/plan";
import {
  importStatusAction,
  previewImportAction,
  startConfirmedImportAction,
  startImportAction,
} from "@/lib/catalog/import-actions";
import { plural, pluralWord } from "@/lib/plural";
import { ImportCounts, ImportPlanTable } from "./import-plan-table";

type Plan = { rows: PlanRow[]; counts: Record<string, number>; ok: boolean; warnings?: number };

/** Files past this are not put into the text box: a browser stalls laying out megabytes of text. */
const SHOWN_IN_TEXT_BOX = 256 * 1024;

const SEND_FAILED =
  "The file did not reach Pharos (the connection dropped or the server refused it). Nothing was imported; try again.";

/** Paste or upload → dry run preview → import with a live progress bar → report. */
export function ImportWizard() {
  const [yaml, setYaml] = useState("");
  const [file, setFile] = useState<{ name: string; bytes: number } | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [confirmRemovals, setConfirmRemovals] = useState(false);
  const [pending, startTransition] = useTransition();
  const fileInput = useRef<HTMLInputElement>(null);
  const job = useQuery({
    queryKey: ["import-job", jobId],
    queryFn: () => importStatusAction(jobId!),
    enabled: Boolean(jobId),
    refetchInterval: (q) => (q.state.data?.status === "running" || !q.state.data ? 400 : false),
  });

  // Checked here first so an oversized file is refused at once, with its size, instead of
  // being sent whole to be refused by the server.
  const send = (action: () => Promise<void>) => {
    const problem = uploadSizeProblem(yaml);
    if (problem) {
      setError(problem);
      return;
    }
    startTransition(async () => {
      setError(null);
      try {
        await action();
      } catch {
        setError(SEND_FAILED);
      }
    });
  };
  const preview = () =>
    send(async () => {
      setJobId(null);
      const result = await previewImportAction(yaml);
      setConfirmRemovals(false);
      if (!result.ok) setError(result.error);
      else setPlan(result.plan);
    });
  const run = () =>
    send(async () => {
      const result = await (confirmRemovals ? startConfirmedImportAction(yaml) : startImportAction(yaml));
      if (!result.ok) setError(result.error);
      else setJobId(result.jobId);
    });
  const clearFile = () => {
    if (fileInput.current) fileInput.current.value = "";
    setYaml("");
    setFile(null);
    setPlan(null);
    setError(null);
  };

  const status = job.data;
  const report = status?.result as Plan | undefined;
  return (
    // One column that may shrink below its content, so a wide report scrolls inside its card on a phone.
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6">
      <Card className="p-4">
        <div className="grid gap-3">
          <label htmlFor="yaml" className="text-sm font-medium">
            catalog-info.yaml (one or many documents)
          </label>
          <p id="yaml-hint" className="-mt-2 text-xs text-muted-foreground">
            Paste it or upload a file of up to {MAX_IMPORT_LABEL}.
          </p>
          <input
            ref={fileInput}
            type="file"
            accept=".yaml,.yml,text/yaml"
            aria-label="Upload a catalog-info.yaml file"
            aria-describedby="yaml-hint"
            className="text-sm"
            onChange={async (e) => {
              const chosen = e.target.files?.[0];
              if (!chosen) return;
              setPlan(null);
              if (chosen.size > MAX_IMPORT_BYTES) {
                setError(tooLargeMessage(chosen.size));
                e.target.value = "";
                return;
              }
              setError(null);
              setYaml(await chosen.text());
              setFile(chosen.size > SHOWN_IN_TEXT_BOX ? { name: chosen.name, bytes: chosen.size } : null);
            }}
          />
          {file ? (
            <div
              className="flex flex-wrap items-center justify-between gap-2 rounded-md border bg-muted/40 px-3 py-2 text-sm"
              data-testid="import-file"
            >
              <span className="min-w-0 break-all">
                <span className="font-medium">{file.name}</span>{" "}
                <span className="text-muted-foreground">
                  · {formatMegabytes(file.bytes)}, too long to show here
                </span>
              </span>
              <Button type="button" variant="ghost" size="sm" onClick={clearFile}>
                Clear
              </Button>
            </div>
          ) : (
            <Textarea
              id="yaml"
              rows={12}
              className="font-mono text-xs"
              value={yaml}
              aria-describedby="yaml-hint"
              onChange={(e) => {
                setYaml(e.target.value);
                setPlan(null);
                setConfirmRemovals(false);
              }}
              placeholder={
                "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: payments-api\nspec:\n  type: service\n  lifecycle: production\n  owner: group:default/payments"
              }
            />
          )}
          {error ? <FormMessage state={{ ok: false, error }} /> : null}
          {plan?.ok && plan.warnings ? (
            <label className="flex items-start gap-2 text-sm" data-testid="confirm-removals">
              <input
                type="checkbox"
                className="mt-0.5 size-4"
                checked={confirmRemovals}
                onChange={(e) => setConfirmRemovals(e.target.checked)}
              />
              <span>
                Apply the removals marked ⚠ below ({plan.warnings}{" "}
                {pluralWord(plan.warnings, { one: "service", other: "services" })}): without this the import
                stops and changes nothing.
              </span>
            </label>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="outline" onClick={preview} disabled={!yaml.trim() || pending}>
              Preview (dry run)
            </Button>
            <Button
              type="button"
              onClick={run}
              disabled={
                !plan?.ok ||
                pending ||
                status?.status === "running" ||
                (Boolean(plan.warnings) && !confirmRemovals)
              }
              data-testid="run-import"
            >
              {importLabel(plan)}
            </Button>
          </div>
          {plan && !plan.ok ? (
            <p className="text-sm text-breaching-fg">
              Fix the errors below first: an import is all or nothing.
            </p>
          ) : null}
        </div>
      </Card>
      {status ? (
        <Card className="p-4" data-testid="import-progress">
          <p className="mb-2 text-sm font-medium">
            {status.status === "running"
              ? `Importing… ${status.phase} ${status.processed}/${status.total}`
              : status.status === "done"
                ? "Import finished."
                : `Import failed: ${status.error}`}
          </p>
          <div
            className="h-2 w-full overflow-hidden rounded-full bg-muted"
            role="progressbar"
            aria-label="Import progress"
            aria-valuemin={0}
            aria-valuemax={status.total || 1}
            aria-valuenow={status.processed}
          >
            <div
              className="h-full bg-primary transition-all"
              style={{
                width: `${status.status === "done" ? 100 : status.total ? (status.processed / status.total) * 100 : 5}%`,
              }}
            />
          </div>
          {status.status === "done" && report ? (
            <div className="mt-3 grid gap-2 text-sm">
              <ImportCounts counts={report.counts} />
              <Link href="/services?sort=updated" className="text-primary underline">
                See the catalog, most recently changed first
              </Link>
            </div>
          ) : null}
        </Card>
      ) : null}
      {plan ? (
        <Card>
          <CardHeader>
            <CardTitle>Dry run</CardTitle>
            <ImportCounts counts={plan.counts} />
          </CardHeader>
          <ImportPlanTable rows={plan.rows} />
        </Card>
      ) : null}
    </div>
  );
}

function importLabel(plan: Plan | null) {
  if (!plan) return "Import";
  const n = (plan.counts.create ?? 0) + (plan.counts.update ?? 0);
  return `Import ${plural(n, { one: "change", other: "changes" })}`;
}
