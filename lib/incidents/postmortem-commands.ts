import { asc, eq } from "drizzle-orm";
import { services } from "@/db/schema/catalog";
import {
  incidentServices,
  POSTMORTEM_SECTIONS,
  type Postmortem,
  postmortemReviewers,
  postmortems,
} from "@/db/schema/incidents";
import { actorUserId } from "@/lib/auth/actor";
import { defineCommand } from "@/lib/command/define";
import { CommandError, fail } from "@/lib/command/result";
import { impactStart } from "./lifecycle";
import {
  canMovePostmortem,
  defaultDueOn,
  impactDraft,
  publishBlocker,
  reviewReadiness,
} from "./postmortem-rules";
import { createPostmortemInput, patchPostmortemInput } from "./postmortem-schemas";
import {
  announcePublished,
  clearApprovals,
  postmortemForWrite,
  replaceReviewers,
  reviewersByEmail,
  reviewersOf,
  stalePostmortem,
} from "./postmortem-write";
import { incidentForWrite } from "./write-helpers";

const firstError = (errors: Record<string, string>) => Object.values(errors)[0];

/**
 * Whether two link lists say the same, row by row. Not by JSON text: jsonb stores an
 * object's keys in its own order (`url` before `label`), so the stored list never reads
 * back as the form sent it, and every save would count as new text, clearing approvals.
 */
const sameLinks = (a: { label: string; url: string }[], b: { label: string; url: string }[]) =>
  a.length === b.length && a.every((l, i) => l.label === b[i].label && l.url === b[i].url);

/**
 * Starts the incident's postmortem (one per incident). The sections start empty except the
 * impact, drafted from the incident's services and duration; the timeline is not copied,
 * the postmortem shows the incident's own at read time, so it never goes stale.
 */
export const createPostmortem = defineCommand({
  name: "postmortem.create",
  permission: "postmortem.write",
  input: createPostmortemInput,
  async run({ tx, actor, audit }, { incidentId, links, reviewers, dueOn, ...sections }) {
    const incident = await incidentForWrite(tx, incidentId);
    const [existing] = await tx
      .select({ id: postmortems.id })
      .from(postmortems)
      .where(eq(postmortems.incidentId, incidentId));
    if (existing)
      throw new CommandError(
        "conflict",
        `INC-${incident.number} already has a postmortem; edit that one.`,
        undefined,
        {
          postmortemId: existing.id,
        },
      );
    const authorId = actorUserId(actor);
    const people = await reviewersByEmail(tx, reviewers, authorId);
    const affected = await tx
      .select({ slug: services.slug })
      .from(incidentServices)
      .innerJoin(services, eq(services.id, incidentServices.serviceId))
      .where(eq(incidentServices.incidentId, incidentId))
      .orderBy(asc(services.slug));
    const impact =
      sections.impact ??
      impactDraft({
        services: affected.map((s) => s.slug),
        impactStart: impactStart(incident),
        resolvedAt: incident.resolvedAt,
      });
    const [pm] = await tx
      .insert(postmortems)
      .values({
        incidentId,
        ...sections,
        impact,
        links,
        authorId,
        dueOn: dueOn === undefined ? defaultDueOn(incident) : dueOn,
      })
      .returning();
    if (people.length)
      await tx.insert(postmortemReviewers).values(people.map((p) => ({ postmortemId: pm.id, userId: p.id })));
    await audit({
      entityType: "postmortem",
      entityId: pm.id,
      after: { incidentId, reviewers, dueOn: pm.dueOn, sections: Object.keys(sections) },
    });
    return { id: pm.id, incidentId, version: pm.version };
  },
});

/**
 * Edits a postmortem and moves it through review, against the version the editor read. An
 * edit of the text while in review clears the approvals given to the old text; publishing
 * needs every named reviewer's approval and then freezes the postmortem.
 */
export const patchPostmortem = defineCommand({
  name: "postmortem.update",
  permission: "postmortem.write",
  input: patchPostmortemInput,
  async run({ tx, actor, audit, unchanged }, { id, version, links, reviewers, dueOn, status, ...sections }) {
    const now = new Date();
    const before = await postmortemForWrite(tx, id);
    if (before.version !== version) throw stalePostmortem(before);
    if (before.status === "published")
      throw fail.invalid(
        "This postmortem is published and can no longer be changed; add a note to the incident instead.",
      );
    const set: Partial<Postmortem> = {};
    for (const field of POSTMORTEM_SECTIONS) {
      const value = sections[field];
      if (value !== undefined && value !== before[field]) Object.assign(set, { [field]: value });
    }
    if (links && !sameLinks(links, before.links)) set.links = links;
    const contentChanged = Object.keys(set);
    if (dueOn !== undefined && dueOn !== before.dueOn) set.dueOn = dueOn;
    const next = status ?? before.status;
    if (next !== before.status) {
      if (!canMovePostmortem(before.status, next)) {
        const message = `A postmortem that is ${before.status.replace("_", " ")} cannot become ${next.replace("_", " ")}.`;
        throw fail.invalid(message, { status: message });
      }
      set.status = next;
    }
    const people = reviewers ? await reviewersByEmail(tx, reviewers, before.authorId) : null;
    const reviewersChanged = people ? (await replaceReviewers(tx, id, people)).changed : false;
    const changed = [...Object.keys(set), ...(reviewersChanged ? ["reviewers"] : [])];
    if (!changed.length) {
      unchanged();
      return { id, incidentId: before.incidentId, version: before.version, status: before.status, changed };
    }
    // Back to draft starts the review over, as does new text under review.
    if ((before.status === "in_review" && contentChanged.length) || next === "draft")
      await clearApprovals(tx, id);
    const current = await reviewersOf(tx, id);
    if (next !== "draft") {
      const errors = reviewReadiness({
        summary: set.summary ?? before.summary,
        rootCauses: set.rootCauses ?? before.rootCauses,
        reviewers: current.length,
      });
      if (Object.keys(errors).length) throw fail.invalid(firstError(errors), errors);
    }
    if (next === "published") {
      const blocker = publishBlocker(current);
      if (blocker) throw fail.invalid(blocker, { status: blocker });
      set.publishedAt = now;
    }
    const [after] = await tx
      .update(postmortems)
      .set({ ...set, version: before.version + 1, updatedAt: now })
      .where(eq(postmortems.id, id))
      .returning();
    if (next === "published") await announcePublished(tx, actor, after);
    const pick = (row: Postmortem) =>
      Object.fromEntries(Object.keys(set).map((f) => [f, (row as Record<string, unknown>)[f] ?? null]));
    await audit({
      entityType: "postmortem",
      entityId: id,
      before: pick(before),
      after: { ...pick(after), ...(reviewersChanged ? { reviewers } : {}) },
    });
    return { id, incidentId: after.incidentId, version: after.version, status: after.status, changed };
  },
});
