import { beforeAll, describe, expect, it } from "vitest";
import { webhooks } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { ROUTES } from "@/lib/api/routes";
import { can, cliActor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/command/execute";
import { REST_ENTRY_POINTS } from "@/lib/entry-points";
import { declareIncident } from "@/lib/incidents/incident-commands";
import { createSlo } from "@/lib/slo/slo-commands";
import { makeUser } from "../actors";
import { send } from "../api/helpers";
import { withTestDatabase } from "../database";
import { footprint, PEOPLE, type Person, SCOPE_FAMILIES, tokenOf } from "./callers";
import { incidentTargets } from "./incident-targets";

/*
 * Every REST route × every kind of caller: anonymous, a forged token, and each kind of
 * person with each scope family. A refused call must be 401 (nobody) or 403 (not allowed)
 * and leave every table as it was; an allowed one must get past the gate.
 */

const t = withTestDatabase();
let n = 0;
const unique = () => {
  n += 1;
  return `${Date.now().toString(36)}-${n}`;
};

/** A sample request per route; routes that act on one team's services name it `owned`. */
const NO_ID = "00000000-0000-4000-8000-000000000000";
type Sample = { url: string; body?: unknown; raw?: string; owned?: boolean };
let targets: {
  userId: string;
  tokenId: string;
  sloId: string;
  webhookId: string;
  incidents: Awaited<ReturnType<typeof incidentTargets>>;
};
const inc = () => targets.incidents;

const SAMPLES: Record<string, () => Sample> = {
  "GET /services": () => ({ url: "/services?tier=tier1&facets=true" }),
  "GET /services/facets": () => ({ url: "/services/facets?facet=tier" }),
  "GET /services/{slug}": () => ({ url: "/services/ledger" }),
  "POST /services": () => ({
    url: "/services",
    body: { slug: `matrix-${unique()}`, name: "Matrix", ownerTeam: "payments" },
    owned: true,
  }),
  "PATCH /services/{slug}": () => ({
    url: "/services/ledger",
    body: { description: `Ledger ${unique()}` },
    owned: true,
  }),
  "POST /services/{slug}/verify": () => ({ url: "/services/ledger/verify", owned: true }),
  "PUT /services/{slug}/dependencies/{dependsOn}": () => ({
    url: "/services/ledger/dependencies/fraud-scoring",
    owned: true,
  }),
  "DELETE /services/{slug}/dependencies/{dependsOn}": () => ({
    url: "/services/ledger/dependencies/fraud-scoring",
    owned: true,
  }),
  "GET /services/{slug}/catalog-info.yaml": () => ({ url: "/services/ledger/catalog-info.yaml" }),
  "GET /catalog-info.yaml": () => ({ url: "/catalog-info.yaml" }),
  "POST /catalog/import": () => ({
    url: "/catalog/import?dryRun=true",
    raw: "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: matrix-import }\nspec: { type: service, lifecycle: production, owner: group:default/payments }\n",
  }),
  "POST /openslo/import": () => ({
    url: "/openslo/import?dryRun=true",
    raw: "apiVersion: openslo/v1\nkind: SLO\nmetadata: { name: matrix }\nspec:\n  service: ledger\n  indicator: { spec: { ratioMetric: { good: { metricSource: { type: Pharos } }, total: { metricSource: { type: Pharos } } } } }\n  timeWindow: [{ duration: 30d, isRolling: true }]\n  objectives: [{ target: 0.99 }]\n",
  }),
  "GET /slos/{id}/openslo.yaml": () => ({ url: `/slos/${targets.sloId}/openslo.yaml` }),
  "GET /catalog/locations": () => ({ url: "/catalog/locations" }),
  "POST /catalog/locations": () => ({
    url: "/catalog/locations",
    body: { url: `https://catalog.example.com/${unique()}.yaml` },
  }),
  "DELETE /catalog/locations/{id}": () => ({ url: `/catalog/locations/${NO_ID}` }),
  "POST /catalog/locations/{id}/refresh": () => ({ url: `/catalog/locations/${NO_ID}/refresh` }),
  "POST /catalog/locations/{id}/apply": () => ({
    url: `/catalog/locations/${NO_ID}/apply`,
    body: { confirmRemovals: true },
  }),
  "GET /me": () => ({ url: "/me" }),
  "GET /me/sessions": () => ({ url: "/me/sessions" }),
  "DELETE /me/sessions/{id}": () => ({ url: "/me/sessions/00000000-0000-4000-8000-000000000000" }),
  "DELETE /me/sessions": () => ({ url: "/me/sessions" }),
  "DELETE /users/{id}/sessions": () => ({ url: `/users/${targets.userId}/sessions` }),
  "GET /teams": () => ({ url: "/teams" }),
  "POST /teams": () => ({ url: "/teams", body: { slug: `team-${unique()}`, name: "Matrix team" } }),
  "POST /teams/{slug}/members": () => ({ url: "/teams/data/members", body: { email: "viewer@pharos.demo" } }),
  "GET /users": () => ({ url: "/users?pageSize=5" }),
  "POST /users": () => ({
    url: "/users",
    body: { email: `matrix-${unique()}@test.example`, name: "Matrix", role: "viewer" },
  }),
  "GET /users/{id}": () => ({ url: `/users/${targets.userId}` }),
  "PATCH /users/{id}": () => ({ url: `/users/${targets.userId}`, body: { name: `Renamed ${unique()}` } }),
  "GET /tokens": () => ({ url: "/tokens" }),
  "POST /tokens": () => ({ url: "/tokens", body: { name: `matrix-${unique()}`, scopes: ["read"] } }),
  "DELETE /tokens/{id}": () => ({ url: `/tokens/${targets.tokenId}` }),
  "GET /audit": () => ({ url: "/audit?pageSize=5" }),
  "GET /slos": () => ({ url: "/slos?tier=tier1" }),
  "GET /slos/{id}": () => ({ url: `/slos/${targets.sloId}` }),
  "GET /slos/{id}/series": () => ({ url: `/slos/${targets.sloId}/series` }),
  "POST /slos": () => ({
    url: "/slos",
    owned: true,
    body: {
      service: "payments-api",
      name: `Matrix ${unique()}`,
      sliKind: "ratio",
      target: 0.99,
      window: { type: "rolling", days: 7 },
    },
  }),
  "PATCH /slos/{id}": () => ({
    url: `/slos/${targets.sloId}`,
    owned: true,
    body: { description: `Matrix ${unique()}` },
  }),
  "POST /slos/{id}/measurements": () => ({
    url: `/slos/${targets.sloId}/measurements`,
    owned: true,
    body: {
      buckets: [
        { start: new Date(Math.floor(Date.now() / 300_000) * 300_000).toISOString(), good: 9, total: 10 },
      ],
    },
  }),
  "GET /webhooks": () => ({ url: "/webhooks" }),
  "POST /webhooks": () => ({
    url: "/webhooks",
    body: { url: `https://hooks.example.com/${unique()}`, events: ["slo.alert.fired"] },
  }),
  "GET /webhooks/{id}": () => ({ url: `/webhooks/${targets.webhookId}` }),
  "PATCH /webhooks/{id}": () => ({
    url: `/webhooks/${targets.webhookId}`,
    body: { description: `Matrix ${unique()}` },
  }),
  "DELETE /webhooks/{id}": () => ({ url: `/webhooks/${NO_ID}` }),
  "GET /webhooks/{id}/deliveries": () => ({ url: `/webhooks/${targets.webhookId}/deliveries` }),
  "POST /webhooks/{id}/test": () => ({ url: `/webhooks/${targets.webhookId}/test` }),
  "POST /webhooks/{id}/rotate-secret": () => ({ url: `/webhooks/${targets.webhookId}/rotate-secret` }),
  "GET /incidents": () => ({ url: "/incidents?status=active&service=ledger" }),
  "POST /incidents": () => ({
    url: "/incidents",
    body: { title: `Matrix ${unique()}`, severity: "sev4", services: ["ledger"] },
  }),
  "GET /incidents/metrics": () => ({ url: "/incidents/metrics?by=severity" }),
  "GET /incidents/{id}": () => ({ url: `/incidents/${inc().incidentId}` }),
  "PATCH /incidents/{id}": () => ({
    url: `/incidents/${inc().incidentId}`,
    body: { version: 1, title: `Matrix ${unique()}` },
  }),
  "POST /incidents/{id}/events": () => ({
    url: `/incidents/${inc().incidentId}/events`,
    body: { body: `Matrix ${unique()}` },
  }),
  "POST /incidents/{id}/participants": () => ({
    url: `/incidents/${inc().incidentId}/participants`,
    body: { person: "viewer@pharos.demo", role: "shadow" },
  }),
  "PATCH /incidents/{id}/participants/{participantId}": () => ({
    url: `/incidents/${inc().incidentId}/participants/${NO_ID}`,
    body: {},
  }),
  "GET /incidents/{id}/postmortem": () => ({ url: `/incidents/${inc().incidentId}/postmortem` }),
  "POST /incidents/{id}/postmortem": () => ({
    url: `/incidents/${inc().bareIncidentId}/postmortem`,
    body: { summary: `Matrix ${unique()}` },
  }),
  "GET /postmortems": () => ({ url: "/postmortems?overdue=1" }),
  "GET /postmortems/{id}": () => ({ url: `/postmortems/${inc().postmortemId}` }),
  "PATCH /postmortems/{id}": () => ({
    url: `/postmortems/${inc().postmortemId}`,
    body: { version: 1, lucky: `Matrix ${unique()}` },
  }),
  "POST /postmortems/{id}/approvals": () => ({ url: `/postmortems/${NO_ID}/approvals`, body: {} }),
  "GET /problems": () => ({ url: "/problems?state=open&service=ledger" }),
  "POST /problems": () => ({ url: "/problems", body: { title: `Matrix ${unique()}`, service: "ledger" } }),
  "GET /problems/{id}": () => ({ url: `/problems/${inc().problemId}` }),
  "PATCH /problems/{id}": () => ({
    url: `/problems/${inc().problemId}`,
    body: { version: 1, description: `Matrix ${unique()}` },
  }),
  "POST /problems/{id}/incidents": () => ({
    url: `/problems/${inc().problemId}/incidents`,
    body: { incidents: [inc().spareIncident] },
  }),
  "DELETE /problems/{id}/incidents/{incident}": () => ({
    url: `/problems/${inc().problemId}/incidents/${inc().spareIncident}`,
  }),
  "GET /problem-suggestions": () => ({ url: "/problem-suggestions?service=ledger" }),
  "POST /problem-suggestions/{id}/accept": () => ({ url: `/problem-suggestions/${NO_ID}/accept`, body: {} }),
  "POST /problem-suggestions/{id}/dismiss": () => ({
    url: `/problem-suggestions/${inc().suggestionId}/dismiss`,
  }),
  "GET /action-items": () => ({ url: "/action-items?owner=me&overdue=1" }),
  "POST /action-items": () => ({
    url: "/action-items",
    body: {
      problemId: inc().problemId,
      title: `Matrix ${unique()}`,
      owner: "engineer@pharos.demo",
      dueOn: "2030-01-31",
      type: "process",
    },
  }),
  "GET /action-items/{id}": () => ({ url: `/action-items/${inc().actionItemId}` }),
  "PATCH /action-items/{id}": () => ({
    url: `/action-items/${inc().actionItemId}`,
    body: { version: 1, title: `Matrix ${unique()}` },
  }),
};

type Caller = { label: string; token?: string; person?: Person; actor?: Parameters<typeof can>[0] };
const callers: Caller[] = [];

beforeAll(async () => {
  await seedDemo(t.db, new Date(), { sloHistoryDays: 1 });
  const target = await makeUser(t.db, "viewer");
  const victim = await tokenOf(t.db, "viewer", ["read"]);
  const [row] = (await t.db.query.apiTokens.findMany()).filter((x) => x.userId === victim.user.id);
  const slo = await executeCommand(createSlo, cliActor, {
    service: "payments-api",
    name: "Matrix availability",
    sliKind: "ratio",
    target: 0.999,
    window: { type: "rolling", days: 30 },
  });
  if (!slo.ok) throw new Error(slo.error);
  const [hook] = await t.db
    .insert(webhooks)
    .values({ url: "https://hooks.example.com/matrix", events: ["slo.alert.fired"], secret: "whsec_matrix" })
    .returning();
  targets = {
    userId: target.user.id,
    tokenId: row.id,
    sloId: slo.data.id,
    webhookId: hook.id,
    incidents: await incidentTargets(t.db),
  };
  callers.push({ label: "anonymous" }, { label: "forged token", token: `pharos_${"x".repeat(43)}` });
  for (const person of PEOPLE) {
    for (const scopes of SCOPE_FAMILIES) {
      const { token, user } = await tokenOf(t.db, person, scopes);
      callers.push({
        label: `${person} with ${scopes.join(",")}`,
        token,
        person,
        actor: {
          kind: "user",
          via: "api",
          user: { id: user.id, email: user.email, name: user.name, role: user.role },
          token: { id: "t", scopes },
        },
      });
    }
  }
}, 120_000);

describe("the REST authorisation matrix", () => {
  it("has a sample request for every route in the table, and the registry lists them all", () => {
    const keys = ROUTES.map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(Object.keys(SAMPLES).sort()).toEqual([...keys].sort());
    expect(REST_ENTRY_POINTS.map((e) => (e.kind === "rest" ? `${e.method} ${e.path}` : "")).sort()).toEqual(
      keys.map((k) => k.replace(" /", " /api/v1/")).sort(),
    );
  });

  it.each(ROUTES.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))(
    "%s: refused callers get 401/403 and change nothing; allowed ones pass the gate",
    async (key, route) => {
      for (const caller of callers) {
        const sample = SAMPLES[key]();
        const before = await footprint(t.db);
        const response = await send(
          route.method.toUpperCase(),
          new Request(`http://localhost/api/v1${sample.url}`, {
            method: route.method.toUpperCase(),
            headers: {
              ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}),
              ...(sample.body !== undefined ? { "content-type": "application/json" } : {}),
            },
            body: sample.raw ?? (sample.body === undefined ? undefined : JSON.stringify(sample.body)),
          }),
        );
        const where = `${key} as ${caller.label}`;
        const permitted = Boolean(caller.actor) && can(caller.actor, route.permission);
        // Catalog writes also need membership of the owning team (or admin): a change manager has none.
        const ownershipRefusal =
          sample.owned && caller.person !== "engineer-owning-team" && caller.person !== "admin";
        if (!caller.actor) expect(response.status, where).toBe(401);
        else if (!permitted || ownershipRefusal) expect(response.status, where).toBe(403);
        else expect([401, 403], `${where}: ${await response.clone().text()}`).not.toContain(response.status);
        if (response.status === 401 || response.status === 403) {
          expect(await footprint(t.db), `${where} wrote something`).toBe(before);
          expect((await response.json()).error.code, where).toBe(
            response.status === 401 ? "unauthorized" : "forbidden",
          );
        }
        expect(response.status, `${where}: ${response.status}`).toBeLessThan(500);
      }
    },
    120_000,
  );
});
