import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { Icon } from "@/components/ui/icon";
import { dateTime } from "@/lib/format";
import type { PostmortemDetail } from "@/lib/incidents/postmortem-queries";
import { PostmortemApproveForm } from "./postmortem-approve-form";

type Props = {
  postmortem: Pick<PostmortemDetail, "id" | "incidentId" | "status" | "reviewers" | "author" | "publishedAt">;
  mayApprove: boolean;
  /** The viewer's email: their own line says "you". */
  me: string;
};

/** Who reviews the postmortem, who has approved it and when, and the reviewer's own Approve. */
export function PostmortemReviewCard({ postmortem: pm, mayApprove, me }: Props) {
  const approved = pm.reviewers.filter((r) => r.approvedAt).length;
  return (
    <Card data-testid="review-card">
      <CardHeader>
        <CardTitle>Review</CardTitle>
        {pm.reviewers.length ? (
          <span className="text-xs text-muted-foreground">
            {approved} of {pm.reviewers.length} approved
          </span>
        ) : null}
      </CardHeader>
      <CardBody className="grid gap-4 text-sm">
        {pm.author ? (
          <p className="text-muted-foreground">
            Written by <span className="font-medium text-foreground">{pm.author.name}</span>
            {pm.publishedAt ? `, published ${dateTime(pm.publishedAt)}` : ""}.
          </p>
        ) : null}
        {pm.reviewers.length ? (
          <ul className="grid gap-3" data-testid="reviewers">
            {pm.reviewers.map((r) => (
              <li
                key={r.email}
                className="flex items-start gap-2"
                data-approved={r.approvedAt ? "" : undefined}
              >
                <Icon
                  name={r.approvedAt ? "i-circle-check" : "i-circle-dashed"}
                  className={r.approvedAt ? "mt-0.5 text-healthy-fg" : "mt-0.5 text-muted-foreground"}
                />
                <div className="min-w-0">
                  <p className="font-medium">
                    {r.name}
                    {r.email === me ? (
                      <span className="font-normal text-muted-foreground"> (you)</span>
                    ) : null}
                  </p>
                  <p className="text-xs text-muted-foreground">
                    {r.approvedAt ? `Approved ${dateTime(r.approvedAt)}` : "Not approved yet"}
                  </p>
                  {r.comment ? (
                    <blockquote className="mt-1 border-l-2 pl-2 text-xs whitespace-pre-wrap break-words">
                      {r.comment}
                    </blockquote>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-muted-foreground">
            No reviewers yet. Name at least one before sending it for review; the author cannot review their
            own.
          </p>
        )}
        {mayApprove ? (
          <div className="border-t pt-3">
            <p className="mb-2 text-xs text-muted-foreground">
              You are a reviewer. Approve the text as it reads now; new text asks for approval again.
            </p>
            <PostmortemApproveForm id={pm.id} incidentId={pm.incidentId} />
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}
