import type { Actor } from "@/lib/auth/actor";
import { defineCommand } from "@/lib/command/define";
import { executeCommand } from "@/lib/command/execute";
import { CommandError, type Result } from "@/lib/command/result";
import { plural } from "@/lib/plural";
import { runQuery } from "@/lib/query/run";
import { createSlo } from "../slo-commands";
import { openSloFileInput } from "./input";
import { planOpenSloImport } from "./plan";
import { openSloPreviewRead } from "./reads";
import { type OpenSloImportReport, toReport } from "./report";
import type { ParsedDocument } from "./types";

const refusal = (report: OpenSloImportReport) =>
  new CommandError(
    "invalid",
    `${plural(report.errors, { one: "document has", other: "documents have" })} problems; nothing was imported.`,
    undefined,
    report,
  );

/**
 * Imports an OpenSLO file: all or nothing, in one transaction. Every SLO is made by the
 * create command's own `run` on this command's transaction (each in a savepoint, so one
 * refusal is reported on its document while the rest are still judged); any error leaves
 * nothing written, and the per-document report rides on the failure.
 */
export const importOpenSloCommand = defineCommand({
  name: "slo.import_openslo",
  permission: createSlo.permission,
  input: openSloFileInput,
  async run(ctx, { yaml: parsed }) {
    const docs: ParsedDocument[] = await planOpenSloImport(ctx.tx, ctx.actor, parsed);
    if (docs.some((d) => d.status === "error")) throw refusal(toReport(docs, false));
    const ids: string[][] = docs.map(() => []);
    // Each SLO's audit row is the create command's, as if it had been created by hand.
    const sloCtx = {
      ...ctx,
      audit: (entry: Parameters<typeof ctx.audit>[0]) => ctx.audit({ action: createSlo.name, ...entry }),
    };
    for (const [i, d] of docs.entries()) {
      if (d.status !== "ok") continue;
      for (const s of d.slos) {
        try {
          const created = await ctx.tx.transaction((tx) => createSlo.run({ ...sloCtx, tx }, s.input));
          ids[i].push(created.id);
        } catch (error) {
          if (!(error instanceof CommandError)) throw error;
          docs[i] = {
            ...docs[i],
            status: "error",
            errors: [
              ...docs[i].errors,
              `documents[${d.index}].spec.objectives[${s.objective}]: ${error.message}`,
            ],
          };
        }
      }
    }
    const report = toReport(docs, false, ids);
    // The savepoints are rolled back with the transaction: nothing that was made stays.
    if (report.errors) throw refusal(report);
    await ctx.audit({
      entityType: "slo",
      entityId: "openslo-import",
      after: { documents: report.documents.length, created: report.created, ids: ids.flat() },
    });
    return report;
  },
});

/**
 * The one door the REST route and the CLI share. A dry run is a read (nothing is written,
 * nothing locked); either way a file with errors fails `invalid` with the per-document
 * report as its details, and a good one answers the report.
 */
export async function importOpenSlo(
  actor: Actor | null,
  yamlText: string,
  { dryRun = false }: { dryRun?: boolean } = {},
): Promise<Result<OpenSloImportReport>> {
  if (!dryRun) return executeCommand(importOpenSloCommand, actor, { yaml: yamlText });
  const preview = await runQuery(openSloPreviewRead, actor, { yaml: yamlText });
  if (preview.ok && preview.data.errors) {
    const { code, message } = refusal(preview.data);
    return { ok: false, code, error: message, details: preview.data };
  }
  return preview;
}
