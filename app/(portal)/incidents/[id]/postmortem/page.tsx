import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PostmortemActionItemsCard } from "@/components/incidents/postmortem-action-items-card";
import { PostmortemEditor } from "@/components/incidents/postmortem-editor";
import { PostmortemHeader } from "@/components/incidents/postmortem-header";
import { PostmortemReadView } from "@/components/incidents/postmortem-read-view";
import { PostmortemReviewCard } from "@/components/incidents/postmortem-review-card";
import { PostmortemStartForm } from "@/components/incidents/postmortem-start-form";
import { PostmortemTimelineCard } from "@/components/incidents/postmortem-timeline-card";
import { Forbidden } from "@/components/shell/forbidden";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FlashMessage } from "@/components/ui/flash-message";
import { Icon } from "@/components/ui/icon";
import { POSTMORTEM_SECTIONS } from "@/db/schema/incidents";
import { requireActor } from "@/lib/auth/session";
import { businessDaysAfter, isoDay } from "@/lib/incidents/business-days";
import { isMajor } from "@/lib/incidents/lifecycle";
import { dayLabel, dueWords, SECTION_HELP } from "@/lib/incidents/postmortem-present";
import { postmortemPageRead } from "@/lib/incidents/postmortem-reads";
import { SECTION_LABELS } from "@/lib/incidents/postmortem-rules";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "Postmortem" };

const SECTIONS = POSTMORTEM_SECTIONS.map((key) => ({
  key,
  label: SECTION_LABELS[key],
  help: SECTION_HELP[key],
}));
/** Two working weeks: a sensible first due day for an action item, changed as the owner sees fit. */
const ACTION_DUE_BUSINESS_DAYS = 10;

export default async function PostmortemPage({
  params,
  searchParams,
}: PageProps<"/incidents/[id]/postmortem">) {
  const { id } = await params;
  const flags = await searchParams;
  const read = await pageQuery(postmortemPageRead, { incidentId: id });
  if (!read.ok) return <Forbidden what="postmortems" />;
  if (!read.data) notFound();
  const { incident, postmortem: pm, draft, mayWrite, mayApprove, mayManageActions } = read.data;
  // Names in the root causes read as blame: the incident's people are the names to look for.
  const people = [...new Set(incident.participants.map((p) => p.name))];
  const timeline = <PostmortemTimelineCard incident={incident} />;

  if (!pm)
    return (
      <>
        <PostmortemHeader incident={incident} postmortem={null} />
        <div className="pm-layout">
          <div className="grid content-start gap-5">
            {mayWrite && draft ? (
              <Card>
                <CardHeader>
                  <CardTitle>Start the postmortem</CardTitle>
                </CardHeader>
                <CardBody className="grid gap-4">
                  <p className="max-w-3xl text-sm text-muted-foreground">
                    A blameless write-up: what happened, why it could, and what will change. The impact below
                    is drafted from the incident; the summary, root causes, trigger, resolution, detection and
                    lessons follow once it is started.
                  </p>
                  <PostmortemStartForm
                    incidentId={incident.id}
                    draft={draft}
                    impactHelp={SECTION_HELP.impact}
                    people={people}
                  />
                </CardBody>
              </Card>
            ) : (
              <Card>
                <EmptyState icon="i-notebook-pen" title="No postmortem yet">
                  {isMajor(incident.severity)
                    ? "A sev1 or sev2 needs one before it closes; an engineer on the incident starts it."
                    : "Optional for a sev3 or sev4."}
                </EmptyState>
              </Card>
            )}
          </div>
          <aside className="grid content-start gap-5">{timeline}</aside>
        </div>
      </>
    );

  const actor = await requireActor();
  const waiting = pm.reviewers.filter((r) => !r.approvedAt).map((r) => r.name);
  return (
    <>
      {flags.created ? (
        <FlashMessage
          param="created"
          message="Postmortem started. Write the sections, name reviewers, then send it for review."
        />
      ) : null}
      <PostmortemHeader incident={incident} postmortem={pm} />
      {pm.overdue && pm.dueOn ? (
        <p className="pm-overdue" data-testid="postmortem-overdue">
          <Icon name="i-clock-alert" />
          <span>
            <strong>{dueWords(pm.dueOn)}.</strong> It was due {dayLabel(pm.dueOn)} and is not published yet
            {waiting.length && pm.status === "in_review" ? `; waiting for ${waiting.join(", ")}` : ""}.
          </span>
        </p>
      ) : null}
      <div className="pm-layout">
        <div className="grid content-start gap-5">
          <Card>
            <CardHeader>
              <CardTitle>Write-up</CardTitle>
              {pm.status !== "published" && !mayWrite ? (
                <span className="text-xs text-muted-foreground">Not published yet; it may still change.</span>
              ) : null}
            </CardHeader>
            <CardBody>
              {mayWrite ? (
                <PostmortemEditor postmortem={pm} sections={SECTIONS} people={people} waiting={waiting} />
              ) : (
                <PostmortemReadView postmortem={pm} sections={SECTIONS} />
              )}
            </CardBody>
          </Card>
          <PostmortemActionItemsCard
            postmortemId={pm.id}
            items={pm.actionItems}
            mayManage={mayManageActions}
            me={actor.user.email}
            services={incident.affected.map((s) => ({ slug: s.slug, name: s.name }))}
            defaultDueOn={isoDay(businessDaysAfter(new Date(), ACTION_DUE_BUSINESS_DAYS))}
          />
        </div>
        <aside className="grid content-start gap-5">
          <PostmortemReviewCard postmortem={pm} mayApprove={mayApprove} me={actor.user.email} />
          {timeline}
        </aside>
      </div>
    </>
  );
}
