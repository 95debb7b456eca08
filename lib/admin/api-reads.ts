import { z } from "zod";
import { ROLES } from "@/db/schema/enums";
import { dateParam, flag, offsetOf, pagingQuery, uuidParam } from "@/lib/api/params";
import { can } from "@/lib/auth/actor";
import { fail } from "@/lib/command/result";
import { defineQuery } from "@/lib/query/define";
import { parseAuditFilter } from "./audit-filter";
import { getUser, listAudit, listTeams, listTokens, listUsers } from "./queries";
import { publicUser } from "./user-commands";

/*
 * The REST API's reads of people, teams, tokens and the audit log, each behind the read gate
 * with its permission. Pages read the same data through their own view-model queries.
 */

export const meRead = defineQuery({
  name: "profile.me",
  permission: "profile.read",
  input: z.object({}),
  run: async ({ actor }) =>
    actor.kind === "user" ? { ...actor.user, scopes: actor.token?.scopes ?? [] } : null,
});

export const listTeamsRead = defineQuery({
  name: "team.list",
  permission: "catalog.read",
  input: z.object(pagingQuery()),
  async run({ db }, input) {
    const paging = offsetOf(input);
    const all = await listTeams(db);
    return {
      items: all.slice(paging.offset, paging.offset + paging.pageSize),
      total: all.length,
      page: paging.page,
      pageSize: paging.pageSize,
    };
  },
});

export const listUsersInput = z.object({
  q: z.string().max(200).optional().describe("part of the email or name"),
  role: z.enum(ROLES).optional(),
  status: z.enum(["active", "deactivated"]).optional(),
  ...pagingQuery(),
});

export const listUsersRead = defineQuery({
  name: "user.list",
  permission: "user.manage",
  input: listUsersInput,
  async run({ db }, input) {
    const paging = offsetOf(input);
    const { items, total } = await listUsers(
      db,
      { q: input.q, role: input.role, status: input.status },
      paging,
    );
    return { items, total, page: paging.page, pageSize: paging.pageSize };
  },
});

export const userRead = defineQuery({
  name: "user.get",
  permission: "user.manage",
  input: z.object({ id: uuidParam }),
  run: async ({ db }, { id }) => {
    const user = await getUser(db, id);
    return user ? publicUser(user) : null;
  },
});

export const listTokensRead = defineQuery({
  name: "token.list",
  permission: "token.manage_own",
  input: z.object({ all: flag.describe("every user's tokens (admins)") }),
  async run({ db, actor }, input) {
    // Asking for all without the right to see them is a refusal, not a quiet narrowing.
    const all = input.all && can(actor, "token.manage_any");
    if (input.all && !all) throw fail.forbidden("Only admins may list every user's tokens.");
    const items = await listTokens(db, { userId: all || actor.kind !== "user" ? undefined : actor.user.id });
    return { items, total: items.length, page: 1, pageSize: items.length };
  },
});

export const listAuditInput = z.object({
  actor: z.string().max(200).optional(),
  action: z.string().max(200).optional().describe("exact action, or a prefix ending in a dot (`service.`)"),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(200).optional(),
  from: dateParam.optional(),
  to: dateParam.optional(),
  ...pagingQuery(),
});

export const listAuditRead = defineQuery({
  name: "audit.list",
  permission: "audit.read",
  input: listAuditInput,
  async run({ db }, input) {
    const paging = offsetOf(input);
    const filter = parseAuditFilter((k) => input[k as keyof typeof input] as string | undefined);
    const { items, total } = await listAudit(db, filter, paging);
    return { items, total, page: paging.page, pageSize: paging.pageSize };
  },
});
