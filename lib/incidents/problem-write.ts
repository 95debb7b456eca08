import { eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { incidentServices, incidents, type Problem, problems } from "@/db/schema/incidents";
import { CommandError, fail } from "@/lib/command/result";
import { incidentReference } from "./patch-rules";

export async function problemForWrite(tx: Tx, id: string) {
  const [row] = await tx.select().from(problems).where(eq(problems.id, id)).for("update");
  if (!row) throw fail.notFound("No such problem.");
  return row;
}

export const staleProblem = (current: Problem) =>
  new CommandError(
    "conflict",
    `Someone else changed this problem (now version ${current.version}); review their change and apply yours again.`,
    { version: "This problem changed since you opened it." },
    { currentVersion: current.version, problemId: current.id },
  );

/** The incidents named (INC-42, 42 or an id), locked; every unknown one is named in the error. */
export async function incidentsByRef(tx: Tx, refs: string[]) {
  const out = new Map<string, { id: string; number: number; problemId: string | null }>();
  const unknown: string[] = [];
  for (const text of refs) {
    const ref = incidentReference(text);
    const [row] = ref
      ? await tx
          .select({ id: incidents.id, number: incidents.number, problemId: incidents.problemId })
          .from(incidents)
          .where("id" in ref ? eq(incidents.id, ref.id) : eq(incidents.number, ref.number))
          .for("update")
      : [];
    if (row) out.set(row.id, row);
    else unknown.push(text);
  }
  if (unknown.length) {
    const message = `No incident ${unknown.join(", ")}.`;
    throw fail.invalid(message, { incidents: message });
  }
  return [...out.values()];
}

/** The services of these incidents: whose problem suggestions a link or unlink changes. */
export async function servicesOfIncidents(tx: Tx, incidentIds: string[]) {
  if (!incidentIds.length) return [];
  const rows = await tx
    .selectDistinct({ id: incidentServices.serviceId })
    .from(incidentServices)
    .where(inArray(incidentServices.incidentId, incidentIds));
  return rows.map((r) => r.id);
}

/**
 * Links the incidents to the problem. One already linked here is left as it is; one linked
 * to another problem is refused, so a link is never moved silently. Returns those newly linked.
 */
export async function linkIncidents(tx: Tx, problem: Problem, refs: string[]) {
  const found = await incidentsByRef(tx, refs);
  const elsewhere = found.filter((i) => i.problemId && i.problemId !== problem.id);
  if (elsewhere.length) {
    const others = await tx
      .select({ id: problems.id, number: problems.number })
      .from(problems)
      .where(
        inArray(
          problems.id,
          elsewhere.map((i) => i.problemId as string),
        ),
      );
    const numberOf = new Map(others.map((o) => [o.id, o.number]));
    const message = elsewhere
      .map((i) => `INC-${i.number} is already linked to PRB-${numberOf.get(i.problemId as string)}`)
      .join("; ")
      .concat("; unlink it there first.");
    throw fail.invalid(message, { incidents: message });
  }
  const fresh = found.filter((i) => i.problemId !== problem.id);
  if (fresh.length)
    await tx
      .update(incidents)
      .set({ problemId: problem.id })
      .where(
        inArray(
          incidents.id,
          fresh.map((i) => i.id),
        ),
      );
  return fresh;
}
