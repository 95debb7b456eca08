import "server-only";
import { z } from "zod";
import { can } from "@/lib/auth/actor";
import { defineQuery } from "@/lib/query/define";
import { getJob } from "./import/jobs";
import { teamsOfUser } from "./queries";

/*
 * The Backstage import page and the progress of a running import, both for who may import.
 * The dry run is `importPreviewRead` (./api-reads), shared by the REST API and the wizard.
 */

export const importPageRead = defineQuery({
  name: "catalog.import_page",
  permission: "service.create",
  input: z.object({}),
  async run({ db, actor }) {
    // The same limits the plan applies, so the page can say them before anyone uploads.
    const anyService = actor.kind === "system" || can(actor, "service.update_any");
    const teams = anyService || actor.kind !== "user" ? [] : await teamsOfUser(db, actor.user.id);
    return {
      anyService,
      teams: teams.map((t) => t.name),
      mayManageTeams: can(actor, "team.manage"),
      mayManageUsers: can(actor, "user.manage"),
    };
  },
});

/** A running import's progress, for the person who started it and nobody else. */
export const importStatusRead = defineQuery({
  name: "catalog.import_status",
  permission: "service.create",
  input: z.object({ jobId: z.string().max(100) }),
  async run({ actor }, { jobId }) {
    const job = getJob(jobId);
    if (!job || actor.kind !== "user" || job.ownerId !== actor.user.id) return null;
    return job;
  },
});
