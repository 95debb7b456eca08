import "server-only";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { getTeamWithMembers, listTeams } from "@/lib/admin/queries";
import { type Actor, can } from "@/lib/auth/actor";
import { fail } from "@/lib/command/result";
import { defineQuery } from "@/lib/query/define";
import { pageNumber, pageSlug, pageText, pageWindow } from "@/lib/query/page-params";
import { catalogColumnsOf, viewsFor } from "@/lib/views/queries";
import { DEFAULT_COLUMNS, parseColumnsParam } from "./columns";
import { serviceFormValues } from "./form-values";
import { parseCatalogFilter } from "./list-filter";
import { MAX_HOPS } from "./neighbourhood";
import { dependencyNeighbourhood } from "./neighbourhood-query";
import { mayEditTeamServices } from "./ownership";
import {
  catalogFacets,
  listServices,
  memberTeamIds,
  scorecardRollup,
  searchServices,
  teamsOfUser,
} from "./queries";
import { ruleFailures, ruleStats } from "./rule-stats";
import { getServiceDetail } from "./service-queries";
import { serviceSuggestions } from "./suggestions";

/*
 * What the catalog's pages show, one view model per page, each behind the read gate with
 * its permission. "What may I do here" (register, edit) is part of the answer, so a page
 * never asks the database or the permission table itself.
 */

const SERVICES_PAGE_SIZE = 25;

/** The catalog's URL filters; `parseCatalogFilter` decides what each value means. */
const filterParams = {
  q: pageText,
  team: pageText,
  tier: pageText,
  lifecycle: pageText,
  domain: pageText,
  tag: pageText,
  level: pageText,
  below: pageText,
  stale: pageText,
  unowned: pageText,
  frozen: pageText,
  archived: pageText,
  mine: pageText,
  sort: pageText,
};

/** The caller's team ids, only when the list is limited to "mine". */
async function myTeamIds(db: Queryable, actor: Actor, mine: boolean | undefined) {
  return mine && actor.kind === "user" ? memberTeamIds(db, actor.user.id) : undefined;
}

/** The teams a person may give a service to: any team for admins, their own teams for others. */
async function assignableTeams(db: Queryable, actor: Actor) {
  const teams =
    can(actor, "service.update_any") || actor.kind !== "user"
      ? await listTeams(db)
      : await teamsOfUser(db, actor.user.id);
  return teams.map((t) => ({ slug: t.slug, name: t.name }));
}

/** Whether the caller may change services of `teamId`: the role must allow edits, and the team must be theirs. */
async function mayEdit(db: Queryable, actor: Actor, teamId: string | null) {
  return can(actor, "service.update") && (await mayEditTeamServices(db, actor, teamId));
}

export const servicesPageRead = defineQuery({
  name: "catalog.services_page",
  permission: "catalog.read",
  input: z.object({ ...filterParams, cols: pageText, page: pageNumber }),
  async run({ db, actor }, input) {
    const filter = parseCatalogFilter((k) => input[k as keyof typeof filterParams]);
    const paging = pageWindow(input.page, SERVICES_PAGE_SIZE);
    const now = new Date();
    const ctx = { myTeamIds: await myTeamIds(db, actor, filter.mine), now };
    const userId = actor.kind === "user" ? actor.user.id : null;
    const urlColumns = parseColumnsParam(input.cols);
    const [found, exactFacets, columns, views] = await Promise.all([
      searchServices(db, filter, paging, ctx),
      catalogFacets(db, filter, ctx),
      urlColumns ?? (userId ? catalogColumnsOf(db, userId) : [...DEFAULT_COLUMNS]),
      userId ? viewsFor(db, userId, "catalog") : [],
    ]);
    // Similar names stood in for a search that found nothing: count the facets over them.
    const facets = found.similar ? await catalogFacets(db, found.filter, ctx) : exactFacets;
    const { items, total, similar } = found;
    return {
      filter,
      items,
      total,
      similar,
      paging,
      facets,
      now,
      columns,
      /** The columns came from the URL (a saved view or a shared link), not the person's own choice. */
      columnsFromUrl: Boolean(urlColumns),
      views,
      mayCreate: can(actor, "service.create"),
      maySaveViews: can(actor, "view.manage_own") && userId !== null,
      bulk: {
        verify: can(actor, "service.update"),
        // The teams to move to (and to share a view with) are asked for when needed
        // (teamChoicesRead): an admin's list of every team would weigh on every catalog page.
        transfer: can(actor, "service.update_any"),
      },
    };
  },
});

/** How many hops the service page's graph reaches (`?hops=`): anything but 1–3 is 1, as a bad page number is page 1. */
const pageHops = z.preprocess((v) => {
  const n = typeof v === "string" && /^\d$/.test(v.trim()) ? Number(v.trim()) : 1;
  return n >= 1 && n <= MAX_HOPS ? n : 1;
}, z.number().int().min(1).max(MAX_HOPS));

export const servicePageRead = defineQuery({
  name: "catalog.service_page",
  permission: "catalog.read",
  input: z.object({ slug: pageSlug, hops: pageHops }),
  async run({ db, actor }, { slug, hops }) {
    const detail = slug ? await getServiceDetail(db, slug) : null;
    if (!detail) return null;
    const [editable, graph] = await Promise.all([
      mayEdit(db, actor, detail.service.ownerTeamId),
      dependencyNeighbourhood(db, { serviceId: detail.service.id, hops }),
    ]);
    return { ...detail, graph, editable };
  },
});

/** Services to offer in the "add a dependency" field for the text typed so far. */
export const serviceSuggestRead = defineQuery({
  name: "catalog.service_suggest",
  permission: "catalog.read",
  input: z.object({ q: pageText, except: pageSlug }),
  async run({ db }, { q, except }) {
    const text = q?.trim().slice(0, 100);
    return text ? serviceSuggestions(db, text, except) : [];
  },
});

export const serviceEditPageRead = defineQuery({
  name: "catalog.service_edit_page",
  permission: "service.update",
  input: z.object({ slug: pageSlug }),
  async run({ db, actor }, { slug }) {
    const detail = slug ? await getServiceDetail(db, slug) : null;
    if (!detail) return null;
    if (!(await mayEdit(db, actor, detail.service.ownerTeamId)))
      throw fail.forbidden("Only members of the owning team (or an admin) may edit this service.");
    return {
      slug: detail.service.slug,
      name: detail.service.name,
      values: serviceFormValues(detail.service, detail.team?.slug ?? null),
      teams: await assignableTeams(db, actor),
    };
  },
});

/** The teams the caller may give a service to or share a view with, for the catalog's pickers. */
export const teamChoicesRead = defineQuery({
  name: "catalog.team_choices",
  permission: "catalog.read",
  input: z.object({}),
  run: ({ db, actor }) => assignableTeams(db, actor),
});

export const serviceNewPageRead = defineQuery({
  name: "catalog.service_new_page",
  permission: "service.create",
  input: z.object({}),
  run: async ({ db, actor }) => ({ teams: await assignableTeams(db, actor) }),
});

export const teamsPageRead = defineQuery({
  name: "catalog.teams_page",
  permission: "catalog.read",
  input: z.object({}),
  run: async ({ db }) => ({ teams: await listTeams(db) }),
});

export const teamPageRead = defineQuery({
  name: "catalog.team_page",
  permission: "catalog.read",
  input: z.object({ slug: pageSlug }),
  async run({ db }, { slug }) {
    if (!slug) return null;
    const [team, owned, [rollup]] = await Promise.all([
      getTeamWithMembers(db, slug),
      listServices(db, { team: slug, sort: "tier" }, { offset: 0, pageSize: 100 }),
      scorecardRollup(db, "team", slug),
    ]);
    if (!team) return null;
    return { team, owned: owned.items, ownedTotal: owned.total, rollup: rollup ?? null };
  },
});

export const scorecardsPageRead = defineQuery({
  name: "catalog.scorecards_page",
  permission: "catalog.read",
  input: z.object({}),
  async run({ db }) {
    const [byTeam, byTier, rules] = await Promise.all([
      scorecardRollup(db, "team"),
      scorecardRollup(db, "tier"),
      ruleStats(db),
    ]);
    return { byTeam, byTier, rules };
  },
});

const RULE_PAGE_SIZE = 50;

/** One rule and the live services failing it (the drill-down behind a failing count). */
export const scorecardRulePageRead = defineQuery({
  name: "catalog.scorecard_rule_page",
  permission: "catalog.read",
  input: z.object({ rule: pageSlug, page: pageNumber }),
  async run({ db }, input) {
    if (!input.rule) return null;
    const paging = pageWindow(input.page, RULE_PAGE_SIZE);
    const found = await ruleFailures(db, input.rule, paging);
    return found ? { ...found, paging } : null;
  },
});
