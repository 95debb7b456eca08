import { describe, expect, it } from "vitest";
import { withTestDatabase } from "../database";
import { call, overScopedToken, send, tokenFor } from "./helpers";

const t = withTestDatabase();

describe("REST /api/v1/teams, /tokens and /audit", () => {
  it("an admin creates a team and adds a member; the audit log shows both, via the API", async () => {
    const { token, user } = await tokenFor(t.db, "admin");
    const created = await send(
      "POST",
      call("/api/v1/teams", { method: "POST", token, body: { slug: "payments", name: "Payments" } }),
    );
    expect(created.status).toBe(201);
    const again = await send(
      "POST",
      call("/api/v1/teams", { method: "POST", token, body: { slug: "payments", name: "Other" } }),
    );
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toContain('"Payments"');
    const member = await send(
      "POST",
      call("/api/v1/teams/payments/members", {
        method: "POST",
        token,
        body: { email: user.email, memberRole: "lead" },
      }),
    );
    expect(member.status).toBe(201);
    const missing = await send(
      "POST",
      call("/api/v1/teams/nope/members", { method: "POST", token, body: { email: user.email } }),
    );
    expect(missing.status).toBe(404);

    const list = await (await send("GET", call("/api/v1/teams", { token }))).json();
    expect(list.items.find((x: { slug: string }) => x.slug === "payments")).toMatchObject({
      members: 1,
      services: 0,
    });

    const audit = await (await send("GET", call("/api/v1/audit?entityType=team", { token }))).json();
    expect(audit.items.map((r: { action: string }) => r.action)).toEqual(["team.add_member", "team.create"]);
    expect(audit.items[0]).toMatchObject({ via: "api", actorLabel: user.email });
  });

  it("the audit log is for admins only", async () => {
    const { token } = await tokenFor(t.db, "change_manager");
    expect((await send("GET", call("/api/v1/audit", { token }))).status).toBe(403);
  });

  it("a token with the admin scope manages the caller's own tokens", async () => {
    const { token } = await overScopedToken(t.db, "engineer", ["admin"]);
    const created = await send(
      "POST",
      call("/api/v1/tokens", { method: "POST", token, body: { name: "pipeline", scopes: ["read"] } }),
    );
    expect(created.status).toBe(201);
    const fresh = await created.json();
    expect((await send("GET", call("/api/v1/me", { token: fresh.token }))).status).toBe(200);
    const mine = await (await send("GET", call("/api/v1/tokens", { token }))).json();
    expect(mine.items.map((x: { name: string }) => x.name).sort()).toEqual(["legacy", "pipeline"]);
    expect(JSON.stringify(mine)).not.toContain(fresh.token);
    const revoked = await send("DELETE", call(`/api/v1/tokens/${fresh.id}`, { method: "DELETE", token }));
    expect(revoked.status).toBe(200);
    expect((await send("GET", call("/api/v1/me", { token: fresh.token }))).status).toBe(401);
  });

  it("a read-only token cannot write (403) and nothing is created", async () => {
    const { token } = await tokenFor(t.db, "admin", ["read"]);
    expect(
      (
        await send(
          "POST",
          call("/api/v1/teams", { method: "POST", token, body: { slug: "sneaky", name: "Sneaky" } }),
        )
      ).status,
    ).toBe(403);
    const { token: admin } = await tokenFor(t.db, "admin");
    const list = await (await send("GET", call("/api/v1/teams?pageSize=200", { token: admin }))).json();
    expect(list.items.some((x: { slug: string }) => x.slug === "sneaky")).toBe(false);
  });
});
