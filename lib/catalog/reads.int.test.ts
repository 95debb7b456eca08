import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { teamMembers, teams } from "@/db/schema";
import { homePageRead } from "@/lib/home/reads";
import { runQuery } from "@/lib/query/run";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { importPreviewRead } from "./api-reads";
import { finishJob, startJob } from "./import/jobs";
import { importPageRead, importStatusRead } from "./import-reads";
import {
  serviceEditPageRead,
  serviceNewPageRead,
  servicePageRead,
  serviceSuggestRead,
  servicesPageRead,
  teamChoicesRead,
  teamPageRead,
} from "./reads";
import { SUGGESTION_LIMIT } from "./suggestions";

const t = withTestDatabase();
let people: Awaited<ReturnType<typeof demo>>;
/** A viewer who sits on the payments team: membership alone must not let them edit. */
let viewerOnPayments: Awaited<ReturnType<typeof demo>>["viewer"];

beforeAll(async () => {
  people = await demo(t.db);
  viewerOnPayments = people.viewer;
  const [payments] = await t.db.select().from(teams).where(eq(teams.slug, "payments"));
  await t.db.insert(teamMembers).values({ teamId: payments.id, userId: people.viewer.user.id });
});

const data = <T>(result: { ok: true; data: T } | { ok: false; code: string; error: string }) => {
  if (!result.ok) throw new Error(`${result.code}: ${result.error}`);
  return result.data;
};

describe("the catalog page", () => {
  it("says who may register a service, and lists only my teams' services under mine=1", async () => {
    const mine = data(await runQuery(servicesPageRead, people.engineer, { mine: "1" }));
    expect(mine.mayCreate).toBe(true);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((s) => s.teamSlug === "payments" || s.teamSlug === "checkout")).toBe(true);
    expect(data(await runQuery(servicesPageRead, people.viewer, {})).mayCreate).toBe(false);
  });

  it("ignores URL values it cannot use instead of failing the page", async () => {
    const all = data(await runQuery(servicesPageRead, people.viewer, {}));
    const odd = data(
      await runQuery(servicesPageRead, people.viewer, {
        tier: "tier9",
        page: "abc",
        // A NUL byte would make PostgreSQL refuse the statement: it is dropped with its filter.
        team: "pay\u0000ments",
        tag: ["a", "b"],
      }),
    );
    expect(odd.filter).toMatchObject({ tier: undefined, team: undefined, tag: undefined });
    expect(odd.paging.page).toBe(1);
    expect(odd.total).toBe(all.total);
  });
});

describe("the service page", () => {
  it("lets the owning team's engineer edit", async () => {
    const page = data(await runQuery(servicePageRead, people.engineer, { slug: "payments-api" }));
    expect(page.editable).toBe(true);
  });

  it("does not offer editing to another team's engineer, nor to a viewer on the owning team", async () => {
    for (const actor of [people.changeManager, viewerOnPayments]) {
      const page = data(await runQuery(servicePageRead, actor, { slug: "payments-api" }));
      expect(page.editable).toBe(false);
    }
  });

  it("draws the graph 1–3 hops out as the URL asks, and 1 hop for anything else", async () => {
    const at = async (hops: unknown) =>
      data(await runQuery(servicePageRead, people.viewer, { slug: "storefront-web", hops })).graph;
    const two = await at("2");
    expect(two.hops).toBe(2);
    expect(two.nodes.some((n) => n.hop === 2)).toBe(true);
    expect((await at("3")).nodes.some((n) => n.hop === 3)).toBe(true);
    for (const odd of [undefined, "", "0", "4", "2.5", "two", ["2", "3"]]) {
      const graph = await at(odd);
      expect(graph.hops).toBe(1);
      expect(graph.nodes.every((n) => n.hop === 1)).toBe(true);
    }
  });

  it("is not found for an unknown service or a path that is no slug", async () => {
    for (const slug of ["no-such-service", "Payments API", "pay\u0000"])
      expect(await runQuery(servicePageRead, people.viewer, { slug })).toMatchObject({ code: "not_found" });
  });
});

describe("the service forms", () => {
  it("opens the edit form to the owning team with their teams to choose from", async () => {
    const form = data(await runQuery(serviceEditPageRead, people.engineer, { slug: "payments-api" }));
    expect(form.values).toMatchObject({ slug: "payments-api", ownerTeam: "payments" });
    expect(form.teams.map((t) => t.slug).sort()).toEqual(["checkout", "payments"]);
    const admin = data(await runQuery(serviceEditPageRead, people.admin, { slug: "payments-api" }));
    expect(admin.teams.length).toBeGreaterThan(2);
  });

  it("refuses the edit form to another team's engineer and to a viewer on the owning team", async () => {
    expect(await runQuery(serviceEditPageRead, people.changeManager, { slug: "payments-api" })).toMatchObject(
      { code: "forbidden" },
    );
    expect(await runQuery(serviceEditPageRead, viewerOnPayments, { slug: "payments-api" })).toMatchObject({
      code: "forbidden",
    });
  });

  it("offers engineers their own teams to register a service for, admins every team", async () => {
    const own = data(await runQuery(serviceNewPageRead, people.engineer, {}));
    expect(own.teams.map((t) => t.slug).sort()).toEqual(["checkout", "payments"]);
    const all = data(await runQuery(serviceNewPageRead, people.admin, {}));
    expect(all.teams.length).toBeGreaterThan(own.teams.length);
  });
});

describe("the team page", () => {
  it("shows a team's members, services and readiness; an unknown team is not found", async () => {
    const page = data(await runQuery(teamPageRead, people.viewer, { slug: "payments" }));
    expect(page.team.members.length).toBeGreaterThan(0);
    expect(page.owned.map((s) => s.slug)).toContain("payments-api");
    expect(page.ownedTotal).toBe(page.owned.length);
    expect(page.rollup?.key).toBe("payments");
    expect(await runQuery(teamPageRead, people.viewer, { slug: "no-such-team" })).toMatchObject({
      code: "not_found",
    });
  });
});

describe("the home page", () => {
  it("opens the caller's own home, or another role's with ?as=", async () => {
    const own = data(await runQuery(homePageRead, people.engineer, {}));
    expect(own.role).toBe("engineer");
    expect(own.myTeams.map((t) => t.slug).sort()).toEqual(["checkout", "payments"]);
    expect(own.sections).toEqual(["my-incidents", "my-action-items", "work-queue", "my-teams"]);
    expect(data(await runQuery(homePageRead, people.engineer, { as: "viewer" })).role).toBe("viewer");
    expect(data(await runQuery(homePageRead, people.engineer, { as: "root" })).role).toBe("engineer");
  });
});

describe("the import's reads", () => {
  it("tells an engineer which teams their import may change", async () => {
    const engineer = data(await runQuery(importPageRead, people.engineer, {}));
    expect(engineer).toMatchObject({ anyService: false, mayManageTeams: false, mayManageUsers: false });
    expect(engineer.teams.length).toBe(2);
    expect(data(await runQuery(importPageRead, people.admin, {}))).toMatchObject({
      anyService: true,
      mayManageTeams: true,
      mayManageUsers: true,
    });
  });

  it("previews a file without writing it", async () => {
    const yaml = [
      "apiVersion: backstage.io/v1alpha1",
      "kind: Component",
      "metadata: { name: new-thing }",
      "spec: { type: service, lifecycle: production, owner: group:default/payments }",
    ].join("\n");
    const plan = data(await runQuery(importPreviewRead, people.engineer, { yaml }));
    expect(plan.rows).toEqual([
      expect.objectContaining({ ref: "component:default/new-thing", action: "create" }),
    ]);
    expect(plan).not.toHaveProperty("services");
  });

  it("shows an import's progress to the person who started it and to nobody else", async () => {
    const job = startJob(people.engineer.user.id);
    finishJob(job.id, { result: { ok: true } });
    expect(data(await runQuery(importStatusRead, people.engineer, { jobId: job.id }))).toMatchObject({
      status: "done",
    });
    expect(await runQuery(importStatusRead, people.admin, { jobId: job.id })).toMatchObject({
      code: "not_found",
    });
  });
});

describe("dependency suggestions", () => {
  const suggest = async (q: string, except?: string) =>
    data(await runQuery(serviceSuggestRead, people.engineer, { q, except })).map((s) => s.slug);

  it("finds services by what is typed, leaving out the service being edited", async () => {
    const found = await suggest("payments", "payments-api");
    expect(found.length).toBeGreaterThan(0);
    expect(found).not.toContain("payments-api");
    expect(await suggest("payments")).toContain("payments-api");
  });

  it("forgives a typo the way the catalog search does", async () => {
    expect(await suggest("legder")).toContain("ledger");
  });

  it("offers a handful, and nothing for empty or unusable text", async () => {
    expect((await suggest("a")).length).toBeLessThanOrEqual(SUGGESTION_LIMIT);
    expect(await suggest("   ")).toEqual([]);
    expect(await suggest("led\u0000ger")).toEqual([]);
  });
});

describe("the catalog pickers' teams", () => {
  const slugs = async (actor: Parameters<typeof runQuery>[1]) =>
    data(await runQuery(teamChoicesRead, actor, {}))
      .map((t) => t.slug)
      .sort();

  it("offers an admin every team and anyone else their own", async () => {
    const all = (await t.db.select({ slug: teams.slug }).from(teams)).map((r) => r.slug).sort();
    expect(await slugs(people.admin)).toEqual(all);
    expect(await slugs(people.engineer)).toEqual(["checkout", "payments"]);
  });

  it("is not offered to anyone signed out", async () => {
    expect(await runQuery(teamChoicesRead, null, {})).toMatchObject({ ok: false });
  });
});
