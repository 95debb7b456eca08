import { beforeAll, describe, expect, it } from "vitest";
import { createToken } from "@/lib/auth/token-commands";
import { executeCommand } from "@/lib/command/execute";
import { runQuery } from "@/lib/query/run";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { adminPageRead, adminTeamPageRead, auditPageRead, myTokensPageRead, usersPageRead } from "./reads";

const t = withTestDatabase();
let people: Awaited<ReturnType<typeof demo>>;

beforeAll(async () => {
  people = await demo(t.db);
  for (const actor of [people.engineer, people.admin]) {
    const made = await executeCommand(createToken, actor, {
      name: `${actor.user.role} laptop`,
      scopes: ["read"],
    });
    if (!made.ok) throw new Error(made.error);
  }
});

const data = <T>(result: { ok: true; data: T } | { ok: false; code: string; error: string }) => {
  if (!result.ok) throw new Error(`${result.code}: ${result.error}`);
  return result.data;
};

describe("the admin pages", () => {
  it("shows an admin every section", async () => {
    expect(data(await runQuery(adminPageRead, people.admin, {})).sections).toEqual([
      "users",
      "teams",
      "tokens",
      "audit",
      "webhooks",
    ]);
  });

  it("marks the admin's own row in the user list, and ignores filters that are no role or status", async () => {
    const page = data(await runQuery(usersPageRead, people.admin, { q: "pharos.demo" }));
    expect(page.items.filter((u) => u.self).map((u) => u.email)).toEqual(["admin@pharos.demo"]);
    const odd = data(
      await runQuery(usersPageRead, people.admin, { role: "root", status: "gone", page: "-3" }),
    );
    expect(odd.filter).toEqual({ q: undefined, role: undefined, status: undefined });
    expect(odd.paging.page).toBe(1);
    const diego = data(await runQuery(usersPageRead, people.admin, { q: "diego.alvarez" })).items[0];
    expect(diego.teams).toEqual([{ slug: "edge", name: "Edge & Networking" }]);
    const viewers = data(await runQuery(usersPageRead, people.admin, { role: "viewer" }));
    expect(viewers.items.every((u) => u.role === "viewer")).toBe(true);
  });

  it("filters the audit log, dropping a filter that holds a control character", async () => {
    const tokens = data(await runQuery(auditPageRead, people.admin, { action: "token." }));
    expect(tokens.filtered).toBe(true);
    expect(tokens.total).toBeGreaterThanOrEqual(2);
    expect(tokens.items.every((r) => r.action.startsWith("token."))).toBe(true);
    expect(tokens.facets.actions).toContain("token.create");
    const odd = data(await runQuery(auditPageRead, people.admin, { actor: "adm\u0000in" }));
    expect(odd.params.actor).toBeUndefined();
    expect(odd.filtered).toBe(false);
  });

  it("is not found for a team that does not exist", async () => {
    expect(await runQuery(adminTeamPageRead, people.admin, { slug: "no-such-team" })).toMatchObject({
      code: "not_found",
    });
    expect(data(await runQuery(adminTeamPageRead, people.admin, { slug: "payments" })).slug).toBe("payments");
  });
});

describe("my tokens", () => {
  it("lists only the caller's own tokens, and offers a viewer no write scope", async () => {
    const mine = data(await runQuery(myTokensPageRead, people.engineer, {}));
    expect(mine.tokens.map((t) => t.name)).toEqual(["engineer laptop"]);
    expect(mine.offeredScopes).toContain("write");
    const viewer = data(await runQuery(myTokensPageRead, people.viewer, {}));
    expect(viewer.tokens).toEqual([]);
    expect(viewer.offeredScopes).toContain("read");
    expect(viewer.offeredScopes.filter((s) => s.endsWith("write"))).toEqual([]);
  });
});
