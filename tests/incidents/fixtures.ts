import type { Actor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/command/execute";
import type { Result } from "@/lib/command/result";
import { declareIncident, patchIncident } from "@/lib/incidents/incident-commands";

/** The data of a command or query that must succeed; its error, readably, when it did not. */
export function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.error} ${JSON.stringify(r.fieldErrors)}`);
  return r.data;
}

/** An incident on payments-api and ledger whose impact began 90 minutes ago, resolved now. */
export async function resolvedIncident(actor: Actor, severity = "sev2") {
  const made = ok(
    await executeCommand(declareIncident, actor, {
      title: "Checkout errors in EU",
      severity,
      services: ["payments-api", "ledger"],
      impactStartedAt: new Date(Date.now() - 90 * 60_000).toISOString(),
    }),
  );
  ok(await executeCommand(patchIncident, actor, { id: made.id, version: 1, status: "resolved" }));
  return made;
}
