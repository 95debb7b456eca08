import "server-only";
import { z } from "zod";
import { ROLES } from "@/db/schema/enums";
import { can } from "@/lib/auth/actor";
import { type Permission, scopesForRole } from "@/lib/auth/permissions";
import { defineQuery } from "@/lib/query/define";
import { pageNumber, pageSlug, pageText, pageWindow } from "@/lib/query/page-params";
import { nameAuditEntities } from "./audit-entities";
import { parseAuditFilter } from "./audit-filter";
import {
  auditFacets,
  findActiveUserByEmail,
  getTeamWithMembers,
  listAudit,
  listTeams,
  listTokens,
  listUsers,
  teamsBySlug,
} from "./queries";

/*
 * What the administration and settings pages show, one view model per page, each behind
 * the read gate with the permission the page needs.
 */

/** The admin landing page's sections, each shown to whoever may open it. */
const SECTION_PERMISSIONS = {
  users: "user.manage",
  teams: "team.manage",
  tokens: "token.manage_any",
  audit: "audit.read",
  webhooks: "webhook.read",
} as const satisfies Record<string, Permission>;
export type AdminSection = keyof typeof SECTION_PERMISSIONS;

export const adminPageRead = defineQuery({
  name: "admin.page",
  permission: "user.manage",
  input: z.object({}),
  run: async ({ actor }) => ({
    sections: (Object.keys(SECTION_PERMISSIONS) as AdminSection[]).filter((s) =>
      can(actor, SECTION_PERMISSIONS[s]),
    ),
  }),
});

const USERS_PAGE_SIZE = 25;
const STATUSES = ["active", "deactivated"] as const;

export const usersPageRead = defineQuery({
  name: "admin.users_page",
  permission: "user.manage",
  input: z.object({ q: pageText, role: pageText, status: pageText, page: pageNumber }),
  async run({ db, actor }, input) {
    const filter = {
      q: input.q?.trim().slice(0, 200) || undefined,
      role: ROLES.find((r) => r === input.role),
      status: STATUSES.find((s) => s === input.status),
    };
    const paging = pageWindow(input.page, USERS_PAGE_SIZE);
    const { items, total } = await listUsers(db, filter, paging);
    // The list query gives slugs (what the API shows); the page shows names, looked up once.
    const named = await teamsBySlug(db, [...new Set(items.flatMap((u) => u.teams))]);
    const me = actor.kind === "user" ? actor.user.id : null;
    return {
      filter,
      paging,
      total,
      items: items.map(({ teams, ...u }) => ({
        ...u,
        teams: teams.map((slug) => ({ slug, name: named.get(slug) ?? slug })),
        self: u.id === me,
      })),
    };
  },
});

export const inviteUserPageRead = defineQuery({
  name: "admin.invite_user_page",
  permission: "user.manage",
  input: z.object({}),
  run: async ({ db }) => ({ teams: (await listTeams(db)).map((t) => ({ slug: t.slug, name: t.name })) }),
});

export const adminTeamsPageRead = defineQuery({
  name: "admin.teams_page",
  permission: "team.manage",
  input: z.object({}),
  run: async ({ db }) => ({ teams: await listTeams(db) }),
});

export const adminTeamPageRead = defineQuery({
  name: "admin.team_page",
  permission: "team.manage",
  input: z.object({ slug: pageSlug }),
  run: async ({ db }, { slug }) => (slug ? getTeamWithMembers(db, slug) : null),
});

/**
 * Every token, or with `?owner=<email>` one person's, with the scopes their role can use so
 * an admin can mint a token for them.
 */
export const adminTokensPageRead = defineQuery({
  name: "admin.tokens_page",
  permission: "token.manage_any",
  input: z.object({ owner: pageText }),
  async run({ db }, input) {
    const ownerEmail = input.owner?.trim().slice(0, 254) || undefined;
    const owner = ownerEmail ? await findActiveUserByEmail(db, ownerEmail) : null;
    if (ownerEmail && !owner) return { ownerEmail, owner: null, tokens: [], offeredScopes: [] };
    return {
      ownerEmail,
      owner,
      tokens: await listTokens(db, { userId: owner?.id }),
      offeredScopes: owner ? scopesForRole(owner.role) : [],
    };
  },
});

const AUDIT_PAGE_SIZE = 50;
const auditParams = {
  actor: pageText,
  action: pageText,
  entityType: pageText,
  entityId: pageText,
  from: pageText,
  to: pageText,
};

export const auditPageRead = defineQuery({
  name: "admin.audit_page",
  permission: "audit.read",
  input: z.object({ ...auditParams, page: pageNumber }),
  async run({ db }, input) {
    const { page, ...params } = input;
    const paging = pageWindow(page, AUDIT_PAGE_SIZE);
    const filter = parseAuditFilter((k) => params[k as keyof typeof auditParams]);
    const [{ items, total }, facets] = await Promise.all([listAudit(db, filter, paging), auditFacets(db)]);
    const named = await nameAuditEntities(db, items);
    return { params, filtered: Object.values(params).some(Boolean), paging, items: named, total, facets };
  },
});

/** The signed-in person's own tokens, and the scopes worth offering them for a new one. */
export const myTokensPageRead = defineQuery({
  name: "settings.tokens_page",
  permission: "token.manage_own",
  input: z.object({}),
  async run({ db, actor }) {
    if (actor.kind !== "user") return null;
    return {
      tokens: await listTokens(db, { userId: actor.user.id }),
      offeredScopes: scopesForRole(actor.user.role),
    };
  },
});
