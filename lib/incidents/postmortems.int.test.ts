import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { postmortemReviewers, postmortems } from "@/db/schema/incidents";
import { webhookDeliveries, webhooks } from "@/db/schema/webhooks";
import { executeCommand } from "@/lib/command/execute";
import { runQuery } from "@/lib/query/run";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { ok, resolvedIncident as resolvedIncidentOf } from "@/tests/incidents/fixtures";
import { businessDaysAfter, isoDay } from "./business-days";
import { patchIncident } from "./incident-commands";
import { createPostmortem, patchPostmortem } from "./postmortem-commands";
import { postmortemRead } from "./postmortem-reads";
import { approvePostmortem } from "./postmortem-review-commands";
import { addIncidentEvent } from "./timeline-commands";

const t = withTestDatabase();
let people: Awaited<ReturnType<typeof demo>>;
const run = executeCommand;
const resolvedIncident = (severity = "sev2") => resolvedIncidentOf(people.engineer, severity);

beforeAll(async () => {
  people = await demo(t.db);
});

const detail = async (id: string) => ok(await runQuery(postmortemRead, people.viewer, { id }));
const pmCount = async () => (await t.db.select({ n: count() }).from(postmortems))[0].n;
const auditCount = async () => (await t.db.select({ n: count() }).from(auditLog))[0].n;

describe("starting a postmortem", () => {
  it("drafts the impact from the incident, sets the due date and shows the incident's live timeline", async () => {
    const incident = await resolvedIncident();
    const pm = ok(
      await run(createPostmortem, people.engineer, {
        incidentId: incident.id,
        reviewers: ["admin@pharos.demo"],
      }),
    );
    const d = await detail(pm.id);
    expect(d.status).toBe("draft");
    expect(d.summary).toBe("");
    expect(d.impact).toMatch(/^Affected: ledger, payments-api\. Impact lasted 1 h 30 min, from /);
    expect(d.author?.email).toBe("engineer@pharos.demo");
    expect(d.reviewers.map((r) => [r.email, r.approvedAt])).toEqual([["admin@pharos.demo", null]]);
    const resolvedAt = new Date(d.incident.resolvedAt as string);
    expect(d.dueOn).toBe(isoDay(businessDaysAfter(resolvedAt, 5)));
    // The timeline is the incident's own, read now: a note added later shows up.
    ok(await run(addIncidentEvent, people.engineer, { id: incident.id, body: "Found the bad config push." }));
    expect((await detail(pm.id)).incident.timeline.map((e) => e.body)).toContain(
      "Found the bad config push.",
    );
  });

  it("refuses an incident that does not exist (404) and writes nothing", async () => {
    const [before, audits] = [await pmCount(), await auditCount()];
    const r = await run(createPostmortem, people.engineer, {
      incidentId: "00000000-0000-4000-8000-000000000000",
      summary: "Nothing happened",
    });
    expect(r.ok || r.code).toBe("not_found");
    expect([await pmCount(), await auditCount()]).toEqual([before, audits]);
  });

  it("refuses the author as a reviewer, a second postmortem, and viewers", async () => {
    const incident = await resolvedIncident();
    const self = await run(createPostmortem, people.engineer, {
      incidentId: incident.id,
      reviewers: ["engineer@pharos.demo"],
    });
    expect(self.ok || self.fieldErrors?.reviewers).toMatch(/wrote this postmortem and cannot also review it/);
    expect(await t.db.select().from(postmortems).where(eq(postmortems.incidentId, incident.id))).toEqual([]);
    const viewer = await run(createPostmortem, people.viewer, { incidentId: incident.id });
    expect(viewer.ok || viewer.code).toBe("forbidden");
    const first = ok(await run(createPostmortem, people.engineer, { incidentId: incident.id }));
    const second = await run(createPostmortem, people.admin, { incidentId: incident.id });
    expect(second.ok || second.code).toBe("conflict");
    const later = await run(patchPostmortem, people.engineer, {
      id: first.id,
      version: 1,
      reviewers: ["admin@pharos.demo", "engineer@pharos.demo"],
    });
    expect(later.ok || later.fieldErrors?.reviewers).toMatch(/cannot also review it/);
  });
});

describe("review and publishing", () => {
  it("goes draft → in review → approved → published, clearing approvals when the text changes", async () => {
    const [hook] = await t.db
      .insert(webhooks)
      .values({
        url: "https://hooks.example.com/pm",
        events: ["postmortem.published"],
        secret: "s".repeat(32),
      })
      .returning();
    const incident = await resolvedIncident();
    const { id } = ok(
      await run(createPostmortem, people.engineer, {
        incidentId: incident.id,
        reviewers: ["admin@pharos.demo"],
      }),
    );
    const early = await run(patchPostmortem, people.engineer, { id, version: 1, status: "in_review" });
    expect(early.ok || early.fieldErrors).toEqual({
      summary: "Write the summary before review.",
      rootCauses: "Write the root causes before review.",
    });
    let version = ok(
      await run(patchPostmortem, people.engineer, {
        id,
        version: 1,
        summary: "EU checkout failed for 90 minutes.",
        rootCauses: "A config push disabled the EU payment route.",
        status: "in_review",
      }),
    ).version;
    const unapproved = await run(patchPostmortem, people.engineer, { id, version, status: "published" });
    expect(unapproved.ok || unapproved.fieldErrors?.status).toMatch(/Waiting for the approval of/);
    const stranger = await run(approvePostmortem, people.changeManager, { id });
    expect(stranger.ok || stranger.code).toBe("forbidden");
    const author = await run(approvePostmortem, people.engineer, { id });
    expect(author.ok || author.code).toBe("forbidden");
    expect(
      ok(await run(approvePostmortem, people.admin, { id, comment: "Clear and blameless." })).waiting,
    ).toBe(0);
    // New text under review: the approval was for the old text.
    version = ok(
      await run(patchPostmortem, people.engineer, { id, version, lucky: "It happened off-peak." }),
    ).version;
    expect((await detail(id)).reviewers[0].approvedAt).toBeNull();
    const stale = await run(patchPostmortem, people.engineer, { id, version, status: "published" });
    expect(stale.ok || stale.fieldErrors?.status).toMatch(/Waiting for the approval of/);
    ok(await run(approvePostmortem, people.admin, { id }));
    const published = ok(await run(patchPostmortem, people.engineer, { id, version, status: "published" }));
    expect(published.status).toBe("published");
    const d = await detail(id);
    expect(d.publishedAt).not.toBeNull();
    const entry = d.incident.timeline.find((e) => e.body === "Postmortem published.");
    expect(entry).toMatchObject({
      kind: "link",
      data: { url: `/incidents/${incident.id}/postmortem`, postmortemId: id },
    });
    const [delivery] = await t.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.webhookId, hook.id));
    expect(delivery.eventType).toBe("postmortem.published");
    expect(delivery.envelope.data).toMatchObject({
      incident: { id: incident.id, number: incident.number, severity: "sev2" },
      postmortem: {
        id,
        summary: "EU checkout failed for 90 minutes.",
        publishedAt: d.publishedAt,
        url: `/incidents/${incident.id}/postmortem`,
      },
    });
    // Published is final.
    const edit = await run(patchPostmortem, people.engineer, {
      id,
      version: published.version,
      lucky: "More.",
    });
    expect(edit.ok || edit.error).toMatch(/published and can no longer be changed/);
    // And the sev2 may now close.
    const inc = ok(await runQuery(postmortemRead, people.viewer, { id })).incident;
    const closed = await run(patchIncident, people.engineer, {
      id: incident.id,
      version: inc.version,
      status: "closed",
    });
    expect(closed.ok).toBe(true);
  });

  it("sends a postmortem back to draft for rework, which starts the review over", async () => {
    const incident = await resolvedIncident("sev3");
    const { id } = ok(
      await run(createPostmortem, people.engineer, {
        incidentId: incident.id,
        summary: "S",
        rootCauses: "R",
        reviewers: ["admin@pharos.demo", "changes@pharos.demo"],
      }),
    );
    expect(
      ok(await run(patchPostmortem, people.engineer, { id, version: 1, status: "in_review" })).version,
    ).toBe(2);
    ok(await run(approvePostmortem, people.admin, { id }));
    ok(await run(patchPostmortem, people.engineer, { id, version: 2, status: "draft" }));
    const approvals = await t.db
      .select({ at: postmortemReviewers.approvedAt })
      .from(postmortemReviewers)
      .where(eq(postmortemReviewers.postmortemId, id));
    expect(approvals.map((a) => a.at)).toEqual([null, null]);
    const skip = await run(patchPostmortem, people.engineer, { id, version: 3, status: "published" });
    expect(skip.ok || skip.fieldErrors?.status).toBe("A postmortem that is draft cannot become published.");
    const draftApproval = await run(approvePostmortem, people.admin, { id });
    expect(draftApproval.ok || draftApproval.error).toMatch(/still a draft/);
  });

  it("keeps the approvals when a form sends the same text and links again, as a Publish button does", async () => {
    const incident = await resolvedIncident("sev3");
    const text = {
      summary: "S",
      rootCauses: "R",
      links: [{ label: "Dashboard", url: "https://grafana.example.com/d/1" }],
    };
    const { id } = ok(
      await run(createPostmortem, people.engineer, {
        incidentId: incident.id,
        ...text,
        reviewers: ["admin@pharos.demo"],
      }),
    );
    const version = ok(
      await run(patchPostmortem, people.engineer, { id, version: 1, status: "in_review" }),
    ).version;
    ok(await run(approvePostmortem, people.admin, { id }));
    const published = ok(
      await run(patchPostmortem, people.engineer, {
        id,
        version,
        ...text,
        reviewers: ["admin@pharos.demo"],
        status: "published",
      }),
    );
    expect(published).toMatchObject({ status: "published", changed: ["status"] });
  });
});
