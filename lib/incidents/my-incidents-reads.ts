import { z } from "zod";
import { defineQuery } from "@/lib/query/define";
import { myActiveIncidents } from "./my-incidents-queries";

/** "My incidents": the active incidents the caller commands or holds a seat on. */
export const myIncidentsRead = defineQuery({
  name: "incident.mine",
  permission: "incident.read",
  input: z.object({}),
  run: async ({ db, actor }) => ({
    items: actor.kind === "user" ? await myActiveIncidents(db, actor.user.id) : [],
  }),
});
