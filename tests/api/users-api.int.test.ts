import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { withTestDatabase } from "../database";
import { call, overScopedToken, send, tokenFor } from "./helpers";

const t = withTestDatabase();

async function userCount() {
  const [row] = await t.db.select({ n: count() }).from(users);
  return row.n;
}

describe("REST /api/v1/users", () => {
  it("401s without a token, with the JSON error shape and a WWW-Authenticate header", async () => {
    const response = await send("GET", call("/api/v1/users"));
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await response.json()).toEqual({
      error: { code: "unauthorized", message: expect.any(String), fields: {} },
    });
  });

  it("403s a viewer's token, even one with the admin scope, and writes nothing", async () => {
    const { token } = await overScopedToken(t.db, "viewer", ["admin"]);
    const before = await userCount();
    const response = await send(
      "POST",
      call("/api/v1/users", {
        method: "POST",
        token,
        body: { email: "x@example.com", name: "X", role: "admin" },
      }),
    );
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe("forbidden");
    expect(await userCount()).toBe(before);
  });

  it("creates (201), rejects duplicates (409), bad fields (400) and bad JSON (400)", async () => {
    const { token } = await tokenFor(t.db, "admin");
    const created = await send(
      "POST",
      call("/api/v1/users", {
        method: "POST",
        token,
        body: {
          email: "api.user@example.com",
          name: "Api User",
          role: "engineer",
          password: "a-long-password",
        },
      }),
    );
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body.user).toMatchObject({ email: "api.user@example.com", role: "engineer", hasPassword: true });
    expect(body.inviteToken).toBeNull();
    expect(JSON.stringify(body)).not.toContain("a-long-password");

    const dupe = await send(
      "POST",
      call("/api/v1/users", {
        method: "POST",
        token,
        body: { email: "API.USER@example.com", name: "Again", role: "viewer" },
      }),
    );
    expect(dupe.status).toBe(409);
    expect((await dupe.json()).error.fields).toEqual({ email: "Already registered." });

    const invalid = await send(
      "POST",
      call("/api/v1/users", {
        method: "POST",
        token,
        body: { email: "nope", name: "x".repeat(200), role: "boss" },
      }),
    );
    expect(invalid.status).toBe(400);
    const fields = (await invalid.json()).error.fields;
    expect(Object.keys(fields).sort()).toEqual(["email", "name", "role"]);
    expect(fields.name).toBe("Name must be at most 120 characters.");

    const garbage = await send(
      "POST",
      call("/api/v1/users", { method: "POST", token, rawBody: "{not json" }),
    );
    expect(garbage.status).toBe(400);
    expect((await garbage.json()).error.message).toBe("The request body must be JSON.");
  });

  it("lists with paging and filters as {items, total}", async () => {
    const { token } = await tokenFor(t.db, "admin");
    const response = await send("GET", call("/api/v1/users?role=admin&pageSize=1&page=1", { token }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.total).toBeGreaterThanOrEqual(1);
    expect(body.items).toHaveLength(1);
    expect(body).toMatchObject({ page: 1, pageSize: 1 });
    expect(body.items[0].role).toBe("admin");
    expect(body.items[0]).not.toHaveProperty("passwordHash");
  });

  it("PATCH deactivates, and the deactivated user's token stops working at once", async () => {
    const { token: adminToken } = await tokenFor(t.db, "admin");
    const { user, token } = await tokenFor(t.db, "engineer");
    expect((await send("GET", call("/api/v1/me", { token }))).status).toBe(200);
    const bad = await send(
      "PATCH",
      call(`/api/v1/users/${user.id}`, { method: "PATCH", token: adminToken, body: { active: "no" } }),
    );
    expect(bad.status).toBe(400);
    const off = await send(
      "PATCH",
      call(`/api/v1/users/${user.id}`, { method: "PATCH", token: adminToken, body: { active: false } }),
    );
    expect(off.status).toBe(200);
    expect((await off.json()).deactivatedAt).not.toBeNull();
    expect((await send("GET", call("/api/v1/me", { token }))).status).toBe(401);
  });

  it("404s an unknown user", async () => {
    const { token } = await tokenFor(t.db, "admin");
    const id = "00000000-0000-4000-8000-000000000000";
    expect((await send("GET", call(`/api/v1/users/${id}`, { token }))).status).toBe(404);
    expect(
      (await send("PATCH", call(`/api/v1/users/${id}`, { method: "PATCH", token, body: { role: "viewer" } })))
        .status,
    ).toBe(404);
  });
});
