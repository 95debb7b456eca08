import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { users } from "@/db/schema/catalog";
import { incidents, type Postmortem, postmortemReviewers, postmortems } from "@/db/schema/incidents";
import type { Actor } from "@/lib/auth/actor";
import { CommandError, fail } from "@/lib/command/result";
import { emitEvent } from "@/lib/webhooks/emit";
import { incidentRef } from "./events";
import { addEvent, personByEmail } from "./write-helpers";

/** Where a postmortem is read: the incident's page has it, so links and webhooks point there. */
export const postmortemPath = (incidentId: string) => `/incidents/${incidentId}/postmortem`;

/** The postmortem, locked for the write; 404 when there is none. */
export async function postmortemForWrite(tx: Tx, id: string) {
  const [row] = await tx.select().from(postmortems).where(eq(postmortems.id, id)).for("update");
  if (!row) throw fail.notFound("No such postmortem.");
  return row;
}

/** A refusal because someone else saved first, carrying the version to reload (as incidents do). */
export const stalePostmortem = (current: Postmortem) =>
  new CommandError(
    "conflict",
    `Someone else changed this postmortem (now version ${current.version}); review their change and apply yours again.`,
    { version: "This postmortem changed since you opened it." },
    { currentVersion: current.version, postmortemId: current.id },
  );

/**
 * The reviewers named by email, as people. The author may not review their own postmortem:
 * a second pair of eyes is the point of the review.
 */
export async function reviewersByEmail(tx: Tx, emails: string[], authorId: string | null) {
  const people = [];
  for (const email of emails) {
    const person = await personByEmail(tx, email, "reviewers");
    if (person.id === authorId) {
      const message = `${person.name} wrote this postmortem and cannot also review it; name someone else.`;
      throw fail.invalid(message, { reviewers: message });
    }
    people.push(person);
  }
  return people;
}

export async function reviewersOf(tx: Tx, postmortemId: string) {
  return tx
    .select({
      userId: postmortemReviewers.userId,
      name: users.name,
      email: users.email,
      approvedAt: postmortemReviewers.approvedAt,
    })
    .from(postmortemReviewers)
    .innerJoin(users, eq(users.id, postmortemReviewers.userId))
    .where(eq(postmortemReviewers.postmortemId, postmortemId));
}

/** Sets the reviewer list to `next`: new names are added unapproved, names left out are removed. */
export async function replaceReviewers(tx: Tx, postmortemId: string, next: { id: string }[]) {
  const current = await reviewersOf(tx, postmortemId);
  const have = new Set(current.map((r) => r.userId));
  const want = new Set(next.map((p) => p.id));
  const removed = current.filter((r) => !want.has(r.userId));
  const added = next.filter((p) => !have.has(p.id));
  for (const r of removed)
    await tx
      .delete(postmortemReviewers)
      .where(
        and(eq(postmortemReviewers.postmortemId, postmortemId), eq(postmortemReviewers.userId, r.userId)),
      );
  if (added.length)
    await tx.insert(postmortemReviewers).values(added.map((p) => ({ postmortemId, userId: p.id })));
  return { changed: removed.length > 0 || added.length > 0 };
}

/** Approvals were given to the text as it was: when it changes, the review starts over. */
export async function clearApprovals(tx: Tx, postmortemId: string) {
  await tx
    .update(postmortemReviewers)
    .set({ approvedAt: null })
    .where(eq(postmortemReviewers.postmortemId, postmortemId));
}

/** What publishing adds beside the row itself: the incident's timeline entry and the webhook. */
export async function announcePublished(tx: Tx, actor: Actor, pm: Postmortem) {
  const publishedAt = pm.publishedAt as Date;
  const url = postmortemPath(pm.incidentId);
  await addEvent(tx, actor, pm.incidentId, {
    kind: "link",
    occurredAt: publishedAt,
    body: "Postmortem published.",
    data: { url, postmortemId: pm.id },
  });
  const [incident] = await tx.select().from(incidents).where(eq(incidents.id, pm.incidentId));
  await emitEvent(tx, "postmortem.published", {
    incident: await incidentRef(tx, incident),
    postmortem: { id: pm.id, summary: pm.summary, publishedAt: publishedAt.toISOString(), url },
  });
}
