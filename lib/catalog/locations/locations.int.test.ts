import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, catalogLocations } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/command/execute";
import { runQuery } from "@/lib/query/run";
import { send, tokenFor } from "@/tests/api/helpers";
import { demo } from "@/tests/catalog/fixtures";
import { startYamlServer } from "@/tests/catalog/yaml-server";
import { withTestDatabase } from "@/tests/database";
import { serviceJson } from "../service-json";
import { fetchCatalogFile, guardedLookup } from "./fetch";
import { applyHeldLocation, deleteLocation, registerLocation } from "./location-commands";
import { claimMostOverdue, REFRESH_EVERY_MS, refreshMostOverdue } from "./location-job";
import { listLocationsRead, locationRead } from "./location-reads";
import { refreshLocation } from "./refresh";

const t = withTestDatabase();
let server: Awaited<ReturnType<typeof startYamlServer>>;
let people: Awaited<ReturnType<typeof demo>>;
let n = 0;

const component = (name: string, deps: string[]) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: ${name}, title: Synced ${name} }
spec: { type: service, lifecycle: production, owner: group:default/payments, dependsOn: [${deps.map((d) => `component:default/${d}`).join(", ")}] }
`;

beforeAll(async () => {
  process.env.PHAROS_LOCATIONS_ALLOW_LOOPBACK = "true";
  people = await demo(t.db);
  server = await startYamlServer();
});
afterAll(async () => {
  delete process.env.PHAROS_LOCATIONS_ALLOW_LOOPBACK;
  await server?.close();
});

/** A served file and a location registered for it by `actor` (the engineer on payments by default). */
async function location(body: string, actor: Actor = people.engineer, extra: Record<string, string> = {}) {
  n += 1;
  const path = `/catalog-${n}.yaml`;
  server.serve(path, { body });
  const created = await executeCommand(registerLocation, actor, { url: server.url(path), ...extra });
  if (!created.ok) throw new Error(created.error);
  return { id: created.data.id, path };
}
const read = async (id: string) => {
  const r = await runQuery(locationRead, people.viewer, { id });
  if (!r.ok) throw new Error(r.error);
  return r.data;
};
const refreshed = async (id: string, actor: Actor = people.engineer) => {
  const r = await refreshLocation(actor, id);
  if (!r.ok) throw new Error(`${r.code}: ${r.error}`);
  return r.data;
};

describe("registering a location", () => {
  it.each([
    ["http://catalog.example.com/catalog-info.yaml", "Use an https:// URL."],
    ["https://10.1.2.3/catalog-info.yaml", "10.1.2.3 is a private address; locations must be public."],
    [
      "https://169.254.169.254/latest/meta-data",
      "169.254.169.254 is a link-local address; locations must be public.",
    ],
    [
      "https://[fd00::1]/catalog-info.yaml",
      "fd00::1 is a private (unique local) address; locations must be public.",
    ],
    ["https://user:pw@catalog.example.com/x.yaml", "Put credentials in the token header, not in the URL."],
  ])("refuses %s beside the URL field", async (url, message) => {
    const result = await executeCommand(registerLocation, people.engineer, { url });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors).toEqual({ url: message });
  });

  it("refuses this machine unless loopback is explicitly allowed", async () => {
    delete process.env.PHAROS_LOCATIONS_ALLOW_LOOPBACK;
    try {
      const result = await executeCommand(registerLocation, people.engineer, { url: server.url("/x.yaml") });
      expect(result.ok || result.fieldErrors).toEqual({ url: "Use an https:// URL." });
      const https = await executeCommand(registerLocation, people.engineer, {
        url: "https://127.0.0.1/x.yaml",
      });
      expect(https.ok || https.fieldErrors).toEqual({
        url: "Locations must be public; this URL points at this machine.",
      });
    } finally {
      process.env.PHAROS_LOCATIONS_ALLOW_LOOPBACK = "true";
    }
  });

  it("asks for the header's name and value together, and refuses a second registration of a URL", async () => {
    const lonely = await executeCommand(registerLocation, people.engineer, {
      url: "https://catalog.example.com/a.yaml",
      headerValue: "abc",
    });
    expect(lonely.ok || lonely.fieldErrors).toEqual({ headerName: "Name the header the token goes in." });
    const { path } = await location(component("loc-dup", []));
    const again = await executeCommand(registerLocation, people.engineer, { url: server.url(path) });
    expect(again.ok || again.fieldErrors).toEqual({ url: "This URL is already registered." });
  });

  it("is for who may import: a viewer may only read", async () => {
    const result = await executeCommand(registerLocation, people.viewer, {
      url: "https://catalog.example.com/v.yaml",
    });
    expect(result.ok || result.code).toBe("forbidden");
    const list = await runQuery(listLocationsRead, people.viewer, {});
    expect(list.ok).toBe(true);
  });
});

describe("refreshing a location", () => {
  it("applies a clean refresh itself, then records unchanged content as unchanged", async () => {
    const { id } = await location(component("loc-clean", ["ledger", "event-bus"]));
    expect(await refreshed(id)).toMatchObject({ result: "applied", error: null });
    expect(await serviceJson(t.db, "loc-clean")).toMatchObject({
      name: "Synced loc-clean",
      dependsOn: ["event-bus", "ledger"],
    });
    expect(await read(id)).toMatchObject({ lastResult: "applied", lastError: null, counts: { create: 1 } });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.id);
    expect(audits.map((a) => a.action)).toEqual(["catalog.location_register", "catalog.location_refresh"]);

    expect(await refreshed(id)).toMatchObject({ result: "unchanged" });
    const after = await read(id);
    expect(after).toMatchObject({ lastResult: "unchanged", plan: null });
    expect(after.lastResultAt).not.toBeNull();
  });

  it("holds a refresh that removes a dependency, with its diff, until the removal is confirmed", async () => {
    const { id, path } = await location(component("loc-held", ["ledger", "event-bus"]));
    await refreshed(id);
    server.serve(path, { body: component("loc-held", ["ledger"]) });

    expect(await refreshed(id)).toMatchObject({ result: "held" });
    expect((await serviceJson(t.db, "loc-held"))?.dependsOn).toEqual(["event-bus", "ledger"]);
    const held = await read(id);
    expect(held.lastResult).toBe("held");
    const row = held.plan?.rows.find((r) => r.ref === "component:default/loc-held");
    expect(row).toMatchObject({ action: "update", warnings: ["removes the dependency on event-bus"] });
    expect(row?.diff?.map((d) => d.field)).toContain("dependsOn");

    // Not without the confirmation, and not a file other than the one reviewed.
    const unconfirmed = await executeCommand(applyHeldLocation, people.engineer, { id });
    expect(unconfirmed.ok || unconfirmed.code).toBe("conflict");
    const stale = await executeCommand(applyHeldLocation, people.engineer, {
      id,
      confirmRemovals: true,
      heldHash: "0".repeat(64),
    });
    expect(stale.ok || stale.error).toBe("A newer refresh is held since you looked; review it again.");
    expect((await serviceJson(t.db, "loc-held"))?.dependsOn).toEqual(["event-bus", "ledger"]);
    expect((await read(id)).lastResult).toBe("held");

    const applied = await executeCommand(applyHeldLocation, people.engineer, {
      id,
      confirmRemovals: "on",
      heldHash: held.heldHash,
    });
    expect(applied.ok).toBe(true);
    expect((await serviceJson(t.db, "loc-held"))?.dependsOn).toEqual(["ledger"]);
    expect(await read(id)).toMatchObject({ lastResult: "applied", plan: null, heldHash: null });
    const again = await executeCommand(applyHeldLocation, people.engineer, { id, confirmRemovals: true });
    expect(again.ok || again.error).toBe("Nothing is held for review on this location.");
  });

  it("records why a fetch failed, and an error entity as failed with its plan", async () => {
    const missing = await location("irrelevant");
    server.serve(missing.path, { status: 404, body: "gone" });
    expect(await refreshed(missing.id)).toMatchObject({
      result: "failed",
      error: "The server answered 404 Not Found.",
    });
    expect((await read(missing.id)).lastError).toBe("The server answered 404 Not Found.");

    const broken = await location(component("loc-broken", ["no-such-service"]));
    expect(await refreshed(broken.id)).toMatchObject({
      result: "failed",
      error: "1 entity has problems; nothing was imported.",
    });
    expect((await read(broken.id)).plan?.rows[0]).toMatchObject({ action: "error" });
    expect(await serviceJson(t.db, "loc-broken")).toBeNull();
  });

  it("never follows a redirect to plain http, and names a refused connection", async () => {
    server.serve("/moved", {
      status: 302,
      headers: { location: "http://catalog.example.com/catalog-info.yaml" },
    });
    expect(await fetchCatalogFile(server.url("/moved"), { allowLoopback: true })).toEqual({
      ok: false,
      error: "Refused a redirect to http://catalog.example.com/catalog-info.yaml: Use an https:// URL.",
    });
    expect(await fetchCatalogFile("http://127.0.0.1:9/x.yaml", { allowLoopback: true })).toEqual({
      ok: false,
      error: "The connection was refused.",
    });
    const tooLarge = { ok: false, error: "The file is larger than 1 MB, the import limit." };
    const limits = { allowLoopback: true, maxBytes: 1024 * 1024 };
    server.serve("/big", { body: "x".repeat(1536 * 1024) });
    expect(await fetchCatalogFile(server.url("/big"), limits)).toEqual(tooLarge);
    server.serve("/big-chunked", { body: "x".repeat(1536 * 1024), chunked: true });
    expect(await fetchCatalogFile(server.url("/big-chunked"), limits)).toEqual(tooLarge);
  });

  it("refuses a name that resolves to a non-public address when it connects", async () => {
    const error = await new Promise<Error | null>((resolve) =>
      guardedLookup({ allowLoopback: false })("localhost", {}, (err) => resolve(err)),
    );
    expect(error?.message).toMatch(
      /^localhost resolves to a loopback address \((127\.0\.0\.1|::1)\); locations must be public\.$/,
    );
    const allowed = await new Promise<Error | null>((resolve) =>
      guardedLookup({ allowLoopback: true })("localhost", {}, (err) => resolve(err)),
    );
    expect(allowed).toBeNull();
  });

  it("makes no request for who may not import", async () => {
    const { id, path } = await location(component("loc-viewer", []));
    const result = await refreshLocation(people.viewer, id);
    expect(result.ok || result.code).toBe("forbidden");
    expect(server.hits(path)).toHaveLength(0);
  });

  it("sends the token header to the registered origin only, not through a redirect elsewhere", async () => {
    const header = { name: "X-Catalog-Token", value: "origin-only" };
    server.serve("/here", { body: "kind: Location" });
    server.serve("/same-origin", { status: 302, headers: { location: "/here" } });
    const elsewhere = server.url("/here").replace("127.0.0.1", "localhost");
    server.serve("/other-origin", { status: 302, headers: { location: elsewhere } });
    expect((await fetchCatalogFile(server.url("/same-origin"), { allowLoopback: true, header })).ok).toBe(
      true,
    );
    expect(server.hits("/here").at(-1)?.headers["x-catalog-token"]).toBe("origin-only");
    expect(
      await fetchCatalogFile(server.url("/other-origin"), { allowLoopback: true, header }),
    ).toMatchObject({
      ok: true,
      url: elsewhere,
    });
    expect(server.hits("/here").at(-1)?.headers["x-catalog-token"]).toBeUndefined();
  });

  it("sends the token header, and never answers or audits its value", async () => {
    const secret = `s3cret-${Date.now()}`;
    n += 1;
    const path = `/private-${n}.yaml`;
    server.serve(path, { body: component("loc-private", []), requireHeader: ["X-Catalog-Token", secret] });
    const created = await executeCommand(registerLocation, people.engineer, {
      url: server.url(path),
      headerName: "X-Catalog-Token",
      headerValue: secret,
    });
    if (!created.ok) throw new Error(created.error);
    expect(created.data).toMatchObject({ headerName: "X-Catalog-Token", headerSet: true });
    expect(await refreshed(created.data.id)).toMatchObject({ result: "applied" });
    expect(server.hits(path).at(-1)?.headers["x-catalog-token"]).toBe(secret);

    const { token } = await tokenFor(t.db, "viewer");
    const answered = await send(
      "GET",
      new Request("http://localhost/api/v1/catalog/locations", {
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    expect(answered.status).toBe(200);
    const text = await answered.text();
    expect(text).toContain("X-Catalog-Token");
    expect(text).not.toContain(secret);
    expect(JSON.stringify(created.data)).not.toContain(secret);
    const audits = await t.db.execute(
      sql`select count(*)::int as n from audit_log where cast(after as text) like ${`%${secret}%`} or cast(before as text) like ${`%${secret}%`}`,
    );
    const rows =
      (audits as unknown as { rows?: { n: number }[] }).rows ?? (audits as unknown as { n: number }[]);
    expect(rows[0].n).toBe(0);
  });

  it("is removed by who registered it or an admin only", async () => {
    const { id } = await location(component("loc-remove", []));
    const other = await executeCommand(deleteLocation, people.changeManager, { id });
    expect(other.ok || other.code).toBe("forbidden");
    expect((await executeCommand(deleteLocation, people.engineer, { id })).ok).toBe(true);
    expect((await runQuery(locationRead, people.viewer, { id })).ok).toBe(false);
  });
});

describe("the schedule", () => {
  it("refreshes only the most overdue location on a tick", async () => {
    await t.db.delete(catalogLocations);
    const now = Date.now();
    const oldest = await location(component("loc-tick-a", []));
    const older = await location(component("loc-tick-b", []));
    const fresh = await location(component("loc-tick-c", []));
    const set = (id: string, ago: number) =>
      t.db
        .update(catalogLocations)
        .set({ checkedAt: new Date(now - ago) })
        .where(eq(catalogLocations.id, id));
    await set(oldest.id, 3 * REFRESH_EVERY_MS);
    await set(older.id, 2 * REFRESH_EVERY_MS);
    await set(fresh.id, 60_000);

    const tick = await refreshMostOverdue();
    expect(tick?.id).toBe(oldest.id);
    expect(tick?.result.ok && tick.result.data.result).toBe("applied");
    expect(server.hits(oldest.path)).toHaveLength(1);
    expect(server.hits(older.path)).toHaveLength(0);
    expect(server.hits(fresh.path)).toHaveLength(0);
    expect(await serviceJson(t.db, "loc-tick-b")).toBeNull();

    // The next tick takes the next most overdue; then nothing is due.
    expect((await refreshMostOverdue())?.id).toBe(older.id);
    expect(await refreshMostOverdue()).toBeNull();
    expect(server.hits(fresh.path)).toHaveLength(0);
  });

  it.runIf(process.env.TEST_DATABASE_URL)("lets one node choose per tick on PostgreSQL", async () => {
    await t.db.delete(catalogLocations);
    await location(component("loc-locked", []));
    // Another node holds this tick's lock: this one does nothing and fetches nothing.
    const other = postgres(t.url!, { max: 1, onnotice: () => {} });
    try {
      await other.begin(async (tx) => {
        await tx`select pg_advisory_xact_lock(hashtext('pharos:catalog-locations'))`;
        expect(await claimMostOverdue()).toBeNull();
      });
      expect((await claimMostOverdue())?.id).toBeDefined();
      // Claimed: the next tick, on any node, leaves it to the node refreshing it.
      expect(await claimMostOverdue()).toBeNull();
    } finally {
      await other.end();
    }
  });

  it("imports with the registrant's rights as they are now", async () => {
    await t.db.delete(catalogLocations);
    const { id } = await location(component("loc-demoted", []));
    await t.db.execute(sql`update users set role = 'viewer' where id = ${people.engineer.user.id}`);
    try {
      const tick = await refreshMostOverdue();
      expect(tick?.result.ok && tick.result.data.result).toBe("failed");
      expect((await read(id)).lastError).toMatch(/may no longer import/);
      expect(await serviceJson(t.db, "loc-demoted")).toBeNull();
    } finally {
      await t.db.execute(sql`update users set role = 'engineer' where id = ${people.engineer.user.id}`);
    }
  });
});
