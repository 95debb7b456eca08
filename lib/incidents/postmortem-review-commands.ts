import { and, eq } from "drizzle-orm";
import { postmortemReviewers } from "@/db/schema/incidents";
import { actorUserId } from "@/lib/auth/actor";
import { defineCommand } from "@/lib/command/define";
import { fail } from "@/lib/command/result";
import { approvePostmortemInput } from "./postmortem-schemas";
import { postmortemForWrite, reviewersOf } from "./postmortem-write";

/**
 * A named reviewer approves the postmortem as it now reads. The permission lets engineers
 * review at all; the reviewer list decides who reviews this one. An approval does not bump
 * the postmortem's version: it is about the text, not a change to it.
 */
export const approvePostmortem = defineCommand({
  name: "postmortem.approve",
  permission: "postmortem.review",
  input: approvePostmortemInput,
  async run({ tx, actor, audit, unchanged }, { id, comment }) {
    const pm = await postmortemForWrite(tx, id);
    const userId = actorUserId(actor);
    const reviewers = await reviewersOf(tx, id);
    const mine = reviewers.find((r) => r.userId === userId);
    if (!userId || !mine)
      throw fail.forbidden(
        "Only the postmortem's named reviewers may approve it; ask its author to add you.",
      );
    if (pm.status !== "in_review") {
      const message =
        pm.status === "published"
          ? "This postmortem is already published."
          : "This postmortem is still a draft; approve it once its author sends it for review.";
      throw fail.invalid(message);
    }
    const [row] = await tx
      .select({ comment: postmortemReviewers.comment })
      .from(postmortemReviewers)
      .where(and(eq(postmortemReviewers.postmortemId, id), eq(postmortemReviewers.userId, userId)));
    const waiting = reviewers.filter((r) => !r.approvedAt && r.userId !== userId).length;
    if (mine.approvedAt && row.comment === comment) {
      unchanged();
      return { id, incidentId: pm.incidentId, waiting };
    }
    await tx
      .update(postmortemReviewers)
      .set({ approvedAt: mine.approvedAt ?? new Date(), comment })
      .where(and(eq(postmortemReviewers.postmortemId, id), eq(postmortemReviewers.userId, userId)));
    await audit({
      entityType: "postmortem",
      entityId: id,
      after: { approvedBy: actor.kind === "user" ? actor.user.email : null, comment },
    });
    return { id, incidentId: pm.incidentId, waiting };
  },
});
