import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { services, teams } from "@/db/schema/catalog";
import { TIERS } from "@/db/schema/enums";
import { slugParam } from "@/lib/api/params";
import { can } from "@/lib/auth/actor";
import { mayEditTeamServices } from "@/lib/catalog/ownership";
import { fail } from "@/lib/command/result";
import { defineQuery } from "@/lib/query/define";
import { formValuesOf } from "./form-values";
import { SLO_STATES, type SloState } from "./math";
import { listSlos, sloDetail } from "./queries";
import { sloSeries } from "./series";

/** Unknown filter values fall back to "all" on pages (a stale link still opens), unlike the API's 400. */
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .optional()
    .transform((v) => ((values as readonly string[]).includes(v ?? "") ? (v as T[number]) : undefined));

export const sloListPageInput = z.object({
  team: z.string().max(63).optional(),
  tier: optionalEnum(TIERS),
  state: optionalEnum(SLO_STATES),
  q: z.string().trim().max(200).optional(),
});

/** The SLO list page: the filtered SLOs, counts per state under the other filters, and the teams to filter by. */
export const sloListPageRead = defineQuery({
  name: "slo.list_page",
  permission: "slo.read",
  input: sloListPageInput,
  async run({ db }, filter) {
    const all = await listSlos(db, {
      team: filter.team || undefined,
      tier: filter.tier,
      q: filter.q || undefined,
    });
    const counts = Object.fromEntries(SLO_STATES.map((s) => [s, 0])) as Record<SloState, number>;
    for (const s of all) counts[s.status.state] += 1;
    const teamRows = await db
      .selectDistinct({ slug: teams.slug, name: teams.name })
      .from(teams)
      .innerJoin(services, eq(services.ownerTeamId, teams.id))
      .orderBy(asc(teams.name));
    return {
      filter,
      counts,
      items: filter.state ? all.filter((s) => s.status.state === filter.state) : all,
      teams: teamRows,
    };
  },
});

/** The SLO page: everything `GET /slos/{id}` answers, the chart series, and whether the viewer may change it. */
export const sloPageRead = defineQuery({
  name: "slo.page",
  permission: "slo.read",
  input: z.object({ id: z.string() }),
  async run({ db, actor }, { id }) {
    if (!z.uuid().safeParse(id).success) return null;
    const [slo, series] = await Promise.all([sloDetail(db, id), sloSeries(db, id)]);
    if (!slo || !series) return null;
    const mayEdit =
      can(actor, "slo.update") && (await mayEditTeamServices(db, actor, slo.ownerTeamId, "slo.update_any"));
    return { slo, series, mayEdit };
  },
});

/** The reliability scorecard: every SLO of live services by team and tier, with its state. */
export const sloScorecardRead = defineQuery({
  name: "slo.scorecard",
  permission: "slo.read",
  input: z.object({}),
  async run({ db }) {
    const items = await listSlos(db);
    return { items };
  },
});

/** The SLOs of one service, for its page. */
export const serviceSlosRead = defineQuery({
  name: "slo.of_service",
  permission: "slo.read",
  input: z.object({ service: slugParam }),
  run: async ({ db }, { service }) => ({ items: await listSlos(db, { service }) }),
});

/** The "define an SLO" page of a service: refused unless the caller may define its SLOs. */
export const sloNewPageRead = defineQuery({
  name: "slo.new_page",
  permission: "slo.create",
  input: z.object({ service: z.string().max(100).optional() }),
  async run({ db, actor }, { service }) {
    if (!service) return null;
    const [row] = await db
      .select({ slug: services.slug, name: services.name, ownerTeamId: services.ownerTeamId })
      .from(services)
      .where(eq(services.slug, service));
    if (!row) return null;
    if (!(await mayEditTeamServices(db, actor, row.ownerTeamId, "slo.update_any")))
      throw fail.forbidden("Only members of the owning team (or an admin) may define its SLOs.");
    return { service: { slug: row.slug, name: row.name } };
  },
});

/** The edit page of an SLO, with its definition as the form's values. */
export const sloEditPageRead = defineQuery({
  name: "slo.edit_page",
  permission: "slo.update",
  input: z.object({ id: z.string() }),
  async run({ db, actor }, { id }) {
    if (!z.uuid().safeParse(id).success) return null;
    const slo = await sloDetail(db, id);
    if (!slo) return null;
    if (!(await mayEditTeamServices(db, actor, slo.ownerTeamId, "slo.update_any")))
      throw fail.forbidden("Only members of the owning team (or an admin) may change its SLOs.");
    return {
      slo: { id: slo.id, name: slo.name, service: slo.service, version: slo.version },
      values: { id: slo.id, ...formValuesOf(slo.definition) },
    };
  },
});
