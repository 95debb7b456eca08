import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { services } from "@/db/schema";
import { problemSuggestions } from "@/db/schema/incidents";
import { cliActor } from "@/lib/auth/actor";
import type { Command } from "@/lib/command/define";
import { executeCommand } from "@/lib/command/execute";
import { createActionItem } from "@/lib/incidents/action-item-commands";
import { declareIncident } from "@/lib/incidents/incident-commands";
import { createPostmortem } from "@/lib/incidents/postmortem-commands";
import { createProblem } from "@/lib/incidents/problem-commands";

// biome-ignore lint/suspicious/noExplicitAny: any command, run as the operator to set the scene.
async function run<R>(command: Command<any, R>, input: unknown): Promise<R> {
  const result = await executeCommand(command, cliActor, input);
  if (!result.ok) throw new Error(`${command.name}: ${result.error}`);
  return result.data;
}

/**
 * The incident-domain records the authorisation matrices act on: an incident with a
 * postmortem in draft, one without, a problem with an action item, and an open suggestion.
 */
export async function incidentTargets(db: Db) {
  const declare = (title: string) =>
    run(declareIncident, {
      title,
      severity: "sev3",
      services: ["ledger"],
      commander: "engineer@pharos.demo",
    });
  const incident = await declare("Matrix incident");
  const bare = await declare("Matrix incident without a postmortem");
  const spare = await declare("Matrix incident to link");
  const postmortem = await run(createPostmortem, {
    incidentId: incident.id,
    summary: "Matrix",
    reviewers: ["admin@pharos.demo"],
  });
  const problem = await run(createProblem, {
    title: "Matrix problem",
    service: "ledger",
    owner: "engineer@pharos.demo",
    incidents: [`INC-${incident.number}`],
  });
  const item = await run(createActionItem, {
    problemId: problem.id,
    title: "Matrix action",
    owner: "engineer@pharos.demo",
    dueOn: "2030-01-31",
    type: "prevent",
  });
  const [ledger] = await db.select({ id: services.id }).from(services).where(eq(services.slug, "ledger"));
  const [suggestion] = await db
    .insert(problemSuggestions)
    .values({
      serviceId: ledger.id,
      kind: "similar_titles",
      key: "matrix",
      title: "Matrix pattern",
      incidentIds: [],
    })
    .returning();
  return {
    incidentId: incident.id,
    bareIncidentId: bare.id,
    spareIncident: `INC-${spare.number}`,
    postmortemId: postmortem.id,
    problemId: problem.id,
    actionItemId: item.id,
    suggestionId: suggestion.id,
  };
}
