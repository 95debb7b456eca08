import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { catalogLocations, webhooks } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import type { Actor } from "@/lib/auth/actor";
import { can, cliActor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/command/execute";
import { SERVER_ACTIONS } from "@/lib/entry-points";
import { declareIncident } from "@/lib/incidents/incident-commands";
import { addAdjustment } from "@/lib/slo/adjustment-commands";
import { createSlo } from "@/lib/slo/slo-commands";
import { makeUser } from "../actors";
import { withTestDatabase } from "../database";
import { footprint, makePerson, PEOPLE, type Person } from "./callers";
import { incidentTargets } from "./incident-targets";

/*
 * Every server action × every kind of signed-in person (and nobody). The session is the
 * one thing stubbed: `getActor` returns the person, as it would for their session cookie.
 * A refused action must say so and leave every table as it was.
 */

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({
  getActor: async () => session.actor,
  requireActor: async () => {
    if (!session.actor) throw new Error("redirect to /login");
    return session.actor;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error(`redirect ${to}`), { redirected: to });
  },
  notFound: () => {
    throw new Error("not found");
  },
}));

const t = withTestDatabase();
let n = 0;
const unique = () => {
  n += 1;
  return `${Date.now().toString(36)}-${n}`;
};
let targets: {
  userId: string;
  tokenId: string;
  locationId: string;
  sloId: string;
  adjustmentId: string;
  webhookId: string;
  incidents: Awaited<ReturnType<typeof incidentTargets>>;
};

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) data.append(k, x);
  return data;
};

/** How to call each action, and whether it acts on one team's services (`owned`). */
const SAMPLES: Record<string, () => { args: unknown[]; owned?: boolean }> = {
  createServiceAction: () => ({
    args: [{}, form({ slug: `act-${unique()}`, name: "Action", ownerTeam: "payments", tier: "tier2" })],
    owned: true,
  }),
  updateServiceAction: () => ({
    args: [{}, form({ slug: "ledger", description: `Ledger ${unique()}` })],
    owned: true,
  }),
  verifyServiceAction: () => ({ args: [{}, form({ slug: "ledger" })], owned: true }),
  archiveServiceAction: () => ({ args: [{}, form({ slug: "fraud-scoring" })], owned: true }),
  restoreServiceAction: () => ({ args: [{}, form({ slug: "fraud-scoring" })], owned: true }),
  addDependencyAction: () => ({
    args: [{}, form({ slug: "ledger", dependsOn: "fraud-scoring" })],
    owned: true,
  }),
  removeDependencyAction: () => ({
    args: [{}, form({ slug: "ledger", dependsOn: "fraud-scoring" })],
    owned: true,
  }),
  bulkVerifyAction: () => ({ args: [{}, form({ slug: ["ledger", "fraud-scoring"] })], owned: true }),
  bulkTransferAction: () => ({ args: [{}, form({ slug: ["ledger"], ownerTeam: "data" })] }),
  paletteSearchAction: () => ({ args: ["ledger"] }),
  suggestServicesAction: () => ({ args: ["ledger", "payments-api"] }),
  teamChoicesAction: () => ({ args: [] }),
  saveViewAction: () => ({
    args: [{}, form({ name: `View ${unique()}`, query: "tier=tier0", columns: "owner" })],
  }),
  deleteViewAction: () => ({ args: [{}, form({ id: "00000000-0000-4000-8000-000000000000" })] }),
  setCatalogColumnsAction: () => ({ args: [{}, form({ columns: ["owner", "tier"] })] }),
  previewImportAction: () => ({
    args: [
      "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: act-import }\nspec: { type: service, lifecycle: production, owner: group:default/payments }\n",
    ],
  }),
  startImportAction: () => ({ args: ["not: [valid"] }),
  startConfirmedImportAction: () => ({ args: ["not: [valid"] }),
  importStatusAction: () => ({ args: ["00000000-0000-4000-8000-000000000000"] }),
  registerLocationAction: () => ({
    args: [
      {},
      form({
        url: `https://catalog.example.com/${unique()}.yaml`,
        headerName: "Authorization",
        headerValue: "Bearer x",
      }),
    ],
  }),
  refreshLocationAction: () => ({ args: [{}, form({ id: targets.locationId })] }),
  applyLocationAction: () => ({ args: [{}, form({ id: targets.locationId, confirmRemovals: "on" })] }),
  deleteLocationAction: () => ({ args: [{}, form({ id: "00000000-0000-4000-8000-000000000000" })] }),
  createUserAction: () => ({
    args: [{}, form({ email: `act-${unique()}@test.example`, name: "Act", role: "viewer" })],
  }),
  updateUserAction: () => ({ args: [{}, form({ id: targets.userId, name: `Renamed ${unique()}` })] }),
  deactivateUserAction: () => ({ args: [{}, form({ id: targets.userId })] }),
  reactivateUserAction: () => ({ args: [{}, form({ id: targets.userId })] }),
  reissueInviteAction: () => ({ args: [{}, form({ id: targets.userId })] }),
  createTeamAction: () => ({ args: [{}, form({ slug: `team-${unique()}`, name: "Act team" })] }),
  updateTeamAction: () => ({
    args: [{}, form({ slug: "data", name: "Data", description: `Data ${unique()}` })],
  }),
  addTeamMemberAction: () => ({ args: [{}, form({ team: "data", email: "viewer@pharos.demo" })] }),
  removeTeamMemberAction: () => ({ args: [{}, form({ team: "data", email: "viewer@pharos.demo" })] }),
  createTokenAction: () => ({ args: [{}, form({ name: `act-${unique()}`, scopes: "read" })] }),
  revokeTokenAction: () => ({ args: [{}, form({ id: targets.tokenId })] }),
  endSessionAction: () => ({ args: [{}, form({ id: "00000000-0000-4000-8000-000000000000" })] }),
  endOtherSessionsAction: () => ({ args: [{}, form({})] }),
  endUserSessionsAction: () => ({ args: [{}, form({ id: targets.userId })] }),
  createSloAction: () => ({
    args: [
      {},
      form({
        service: "payments-api",
        name: `Action SLO ${unique()}`,
        sliKind: "ratio",
        targetPercent: "99.9",
        windowType: "rolling",
        windowDays: "30",
        budgeting: "occurrences",
      }),
    ],
    owned: true,
  }),
  updateSloAction: () => ({
    args: [
      {},
      form({ id: targets.sloId, name: "Matrix SLO", description: `Changed ${unique()}`, sliKind: "ratio" }),
    ],
    owned: true,
  }),
  addAdjustmentAction: () => ({
    args: [
      {},
      form({
        sloId: targets.sloId,
        startsAt: "2026-11-01T02:00Z",
        durationMinutes: "60",
        reason: `Drill ${unique()}`,
      }),
    ],
    owned: true,
  }),
  removeAdjustmentAction: () => ({
    args: [{}, form({ sloId: targets.sloId, id: targets.adjustmentId })],
    owned: true,
  }),
  createWebhookAction: () => ({
    args: [
      {},
      form({
        url: `https://hooks.example.com/${unique()}`,
        events: ["slo.alert.fired", "slo.alert.resolved"],
      }),
    ],
  }),
  updateWebhookAction: () => ({
    args: [{}, form({ id: targets.webhookId, description: `Hook ${unique()}` })],
  }),
  setWebhookEnabledAction: () => ({ args: [{}, form({ id: targets.webhookId, enabled: "false" })] }),
  rotateWebhookSecretAction: () => ({ args: [{}, form({ id: targets.webhookId })] }),
  sendTestWebhookAction: () => ({ args: [{}, form({ id: targets.webhookId })] }),
  deleteWebhookAction: () => ({ args: [{}, form({ id: targets.webhookId })] }),
  declareIncidentAction: () => ({
    args: [{}, form({ title: `Action incident ${unique()}`, severity: "sev4", services: "ledger" })],
  }),
  updateIncidentAction: () => ({
    args: [{}, form({ id: targets.incidents.incidentId, version: "1", title: `Renamed ${unique()}` })],
  }),
  addIncidentNoteAction: () => ({
    args: [{}, form({ id: targets.incidents.incidentId, body: `Note ${unique()}` })],
  }),
  joinIncidentAction: () => ({
    args: [{}, form({ id: targets.incidents.incidentId, person: "viewer@pharos.demo", role: "shadow" })],
  }),
  leaveIncidentAction: () => ({
    args: [
      {},
      form({ id: targets.incidents.incidentId, participantId: "00000000-0000-4000-8000-000000000000" }),
    ],
  }),
  majorIncidentsAction: () => ({ args: [] }),
  createPostmortemAction: () => ({
    args: [{}, form({ incidentId: targets.incidents.bareIncidentId, summary: `Summary ${unique()}` })],
  }),
  updatePostmortemAction: () => ({
    args: [
      {},
      form({
        id: targets.incidents.postmortemId,
        incidentId: targets.incidents.incidentId,
        version: "1",
        lucky: `Lucky ${unique()}`,
      }),
    ],
  }),
  approvePostmortemAction: () => ({ args: [{}, form({ id: targets.incidents.postmortemId })] }),
  createProblemAction: () => ({ args: [{}, form({ title: `Problem ${unique()}`, service: "ledger" })] }),
  updateProblemAction: () => ({
    args: [{}, form({ id: targets.incidents.problemId, version: "1", description: `Changed ${unique()}` })],
  }),
  linkProblemIncidentsAction: () => ({
    args: [{}, form({ id: targets.incidents.problemId, incidents: targets.incidents.spareIncident })],
  }),
  unlinkProblemIncidentsAction: () => ({
    args: [{}, form({ id: targets.incidents.problemId, incidents: targets.incidents.spareIncident })],
  }),
  acceptSuggestionAction: () => ({ args: [{}, form({ id: targets.incidents.suggestionId })] }),
  dismissSuggestionAction: () => ({ args: [{}, form({ id: targets.incidents.suggestionId })] }),
  createActionItemAction: () => ({
    args: [
      {},
      form({
        problemId: targets.incidents.problemId,
        title: `Action ${unique()}`,
        owner: "engineer@pharos.demo",
        dueOn: "2030-01-31",
        type: "process",
      }),
    ],
  }),
  updateActionItemAction: () => ({
    args: [{}, form({ id: targets.incidents.actionItemId, version: "1", title: `Renamed ${unique()}` })],
  }),
  serviceIncidentsAction: () => ({ args: ["ledger"] }),
};

const guarded = SERVER_ACTIONS.filter((a) => a.kind === "action" && a.permission !== null);

function refused(result: unknown) {
  if (result === null) return true;
  return typeof result === "object" && (result as { ok?: boolean }).ok === false;
}

type Caller = { label: string; person?: Person; actor: Actor | null };
const callers: Caller[] = [{ label: "nobody", actor: null }];

beforeAll(async () => {
  await seedDemo(t.db, new Date(), { sloHistoryDays: 1 });
  targets = {
    userId: (await makeUser(t.db, "viewer")).user.id,
    tokenId: (await t.db.query.apiTokens.findMany())[0]?.id ?? "00000000-0000-4000-8000-000000000000",
    // A location whose fetch fails at once (nothing listens on port 9), so a refresh records a result.
    locationId: (
      await t.db.insert(catalogLocations).values({ url: "https://127.0.0.1:9/catalog-info.yaml" }).returning()
    )[0].id,
    sloId: "",
    adjustmentId: "",
    webhookId: (
      await t.db
        .insert(webhooks)
        .values({ url: "https://hooks.example.com/matrix", events: ["ping"], secret: "whsec_matrix" })
        .returning()
    )[0].id,
    incidents: await incidentTargets(t.db),
  };
  const slo = await executeCommand(createSlo, cliActor, {
    service: "payments-api",
    name: "Matrix SLO",
    sliKind: "ratio",
    target: 0.999,
    window: { type: "rolling", days: 30 },
  });
  if (!slo.ok) throw new Error(slo.error);
  const adjustment = await executeCommand(addAdjustment, cliActor, {
    sloId: slo.data.id,
    startsAt: "2026-10-01T00:00Z",
    durationMinutes: 30,
    reason: "Matrix",
  });
  if (!adjustment.ok) throw new Error(adjustment.error);
  targets.sloId = slo.data.id;
  targets.adjustmentId = adjustment.data.id;
  for (const person of PEOPLE)
    callers.push({ label: person, person, actor: (await makePerson(t.db, person)).actor });
}, 60_000);

describe("the server-action authorisation matrix", () => {
  it("lists every exported server action in the entry-point registry", async () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const files = ["lib", "app", "components"].flatMap((dir) =>
      fs
        .readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
        .filter((f) => /\.tsx?$/.test(f))
        .map((f) => path.join(dir, f)),
    );
    const exported = files
      .filter((f) => /^["']use server["']/m.test(fs.readFileSync(path.join(root, f), "utf8")))
      .flatMap((f) =>
        [...fs.readFileSync(path.join(root, f), "utf8").matchAll(/^export async function (\w+)/gm)].map(
          (m) => `${f.replaceAll(path.sep, "/")}#${m[1]}`,
        ),
      );
    const registered = SERVER_ACTIONS.map((a) => (a.kind === "action" ? `${a.module}#${a.name}` : ""));
    expect(exported.sort()).toEqual(registered.sort());
    expect(Object.keys(SAMPLES).sort()).toEqual(
      guarded.map((a) => (a.kind === "action" ? a.name : "")).sort(),
    );
  });

  it.each(guarded.map((a) => [a.kind === "action" ? a.name : "", a] as const))(
    "%s refuses who may not and changes nothing for them",
    async (name, entry) => {
      if (entry.kind !== "action" || !entry.permission) throw new Error("guarded actions only");
      const mod = (await import(`@/${entry.module.replace(/\.ts$/, "")}`)) as Record<
        string,
        (...a: unknown[]) => Promise<unknown>
      >;
      for (const caller of callers) {
        session.actor = caller.actor;
        const sample = SAMPLES[name]();
        const before = await footprint(t.db);
        let result: unknown;
        try {
          result = await mod[name](...sample.args);
        } catch (error) {
          // A redirect after success is how some actions answer.
          if (!(error as { redirected?: string }).redirected) throw error;
          result = { ok: true };
        }
        const where = `${name} as ${caller.label}`;
        const permitted = can(caller.actor, entry.permission);
        const ownershipRefusal =
          sample.owned && caller.person !== "engineer-owning-team" && caller.person !== "admin";
        if (!permitted || ownershipRefusal) {
          expect(refused(result), `${where}: ${JSON.stringify(result)}`).toBe(true);
          expect(await footprint(t.db), `${where} wrote something`).toBe(before);
        }
      }
    },
    120_000,
  );
});
