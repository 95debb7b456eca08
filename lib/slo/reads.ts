import { z } from "zod";
import { TIERS } from "@/db/schema/enums";
import { slugParam } from "@/lib/api/params";
import { defineQuery } from "@/lib/query/define";
import { SLO_STATES } from "./math";
import { listSlos, sloDetail } from "./queries";
import { sloSeries } from "./series";

export const listSlosInput = z.object({
  service: slugParam.optional().describe("service slug"),
  team: slugParam.optional().describe("owner team slug"),
  tier: z.enum(TIERS).optional(),
  state: z.enum(SLO_STATES).optional().describe("healthy, at_risk, breaching or no_data"),
  q: z.string().trim().max(200).optional().describe("matches SLO and service names"),
});

export const listSlosRead = defineQuery({
  name: "slo.list",
  permission: "slo.read",
  input: listSlosInput,
  run: async ({ db }, filter) => ({ items: await listSlos(db, filter) }),
});

const idInput = z.object({ id: z.uuid("Not an SLO id.") });

export const sloRead = defineQuery({
  name: "slo.read",
  permission: "slo.read",
  input: idInput,
  run: ({ db }, { id }) => sloDetail(db, id),
});

/** What the SLO page's charts draw: daily attainment and budget, hourly burn rates, exclusions. */
export const sloSeriesRead = defineQuery({
  name: "slo.series",
  permission: "slo.read",
  input: idInput,
  run: ({ db }, { id }) => sloSeries(db, id),
});
