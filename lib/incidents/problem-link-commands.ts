import { and, eq, inArray } from "drizzle-orm";
import { incidents, problems } from "@/db/schema/incidents";
import { defineCommand } from "@/lib/command/define";
import { problemIncidentsInput } from "./problem-schemas";
import { incidentsByRef, linkIncidents, problemForWrite, servicesOfIncidents } from "./problem-write";
import { refreshSuggestions } from "./suggestions";

/*
 * Links do not bump the problem's version (nor the incidents'): someone editing the problem's
 * text is not in conflict with a responder linking another incident to it.
 */

export const linkProblemIncidents = defineCommand({
  name: "problem.link",
  permission: "problem.manage",
  input: problemIncidentsInput,
  async run({ tx, audit, unchanged }, { id, incidents: refs }) {
    const problem = await problemForWrite(tx, id);
    const linked = await linkIncidents(tx, problem, refs);
    if (!linked.length) {
      unchanged();
      return { id, linked: [] as number[] };
    }
    const ids = linked.map((i) => i.id);
    await tx.update(problems).set({ updatedAt: new Date() }).where(eq(problems.id, id));
    await refreshSuggestions(tx, await servicesOfIncidents(tx, ids), new Date());
    await audit({ entityType: "problem", entityId: id, after: { linked: linked.map((i) => i.number) } });
    return { id, linked: linked.map((i) => i.number) };
  },
});

/** Unlinked incidents return to the pool problem suggestions are drawn from. */
export const unlinkProblemIncidents = defineCommand({
  name: "problem.unlink",
  permission: "problem.manage",
  input: problemIncidentsInput,
  async run({ tx, audit, unchanged }, { id, incidents: refs }) {
    await problemForWrite(tx, id);
    const found = (await incidentsByRef(tx, refs)).filter((i) => i.problemId === id);
    if (!found.length) {
      unchanged();
      return { id, unlinked: [] as number[] };
    }
    const ids = found.map((i) => i.id);
    await tx
      .update(incidents)
      .set({ problemId: null })
      .where(and(inArray(incidents.id, ids), eq(incidents.problemId, id)));
    await tx.update(problems).set({ updatedAt: new Date() }).where(eq(problems.id, id));
    await refreshSuggestions(tx, await servicesOfIncidents(tx, ids), new Date());
    await audit({ entityType: "problem", entityId: id, before: { linked: found.map((i) => i.number) } });
    return { id, unlinked: found.map((i) => i.number) };
  },
});
