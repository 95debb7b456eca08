import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TierBadge } from "@/components/catalog/tier-badge";
import { BudgetBurnList } from "@/components/incidents/budget-burn-card";
import { SeverityBadge, StatusBadge } from "@/components/incidents/incident-badges";
import { IncidentEditForm } from "@/components/incidents/incident-edit-form";
import { IncidentTimeline } from "@/components/incidents/incident-timeline";
import { IncidentTimes } from "@/components/incidents/incident-times";
import { NoteForm } from "@/components/incidents/note-form";
import { PeopleCard } from "@/components/incidents/people-card";
import { StatusControl } from "@/components/incidents/status-control";
import { Forbidden } from "@/components/shell/forbidden";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { FlashMessage } from "@/components/ui/flash-message";
import Link from "@/components/ui/link";
import { requireActor } from "@/lib/auth/session";
import { isMajor } from "@/lib/incidents/lifecycle";
import { incidentPageRead } from "@/lib/incidents/page-reads";
import { reference } from "@/lib/incidents/present";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "Incident" };

export default async function IncidentPage({ params, searchParams }: PageProps<"/incidents/[id]">) {
  const { id } = await params;
  const flags = await searchParams;
  const read = await pageQuery(incidentPageRead, { id });
  if (!read.ok) return <Forbidden what="incidents" />;
  if (!read.data) notFound();
  const { incident: i, mayUpdate, mayWritePostmortem } = read.data;
  const actor = await requireActor();
  const pm = i.postmortem;
  return (
    <>
      {flags.declared ? (
        <FlashMessage
          param="declared"
          message={`Declared ${reference(i.number)}. You are on the timeline as commander.`}
        />
      ) : null}
      <header className="mb-5 grid gap-2">
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <Link href="/incidents" className="text-muted-foreground hover:underline">
            Incidents
          </Link>
          <span className="text-muted-foreground">/</span>
          <span className="font-mono">{reference(i.number)}</span>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="incident-title">
          {i.title}
        </h1>
        <div className="flex flex-wrap items-center gap-2">
          <SeverityBadge severity={i.severity} />
          <StatusBadge status={i.status} />
          {i.affected.map((s) => (
            <Link key={s.slug} href={`/services/${s.slug}`} className="badge hover:underline">
              {s.name}
              <TierBadge tier={s.tier} />
            </Link>
          ))}
          {i.commanderName ? (
            <span className="text-sm text-muted-foreground">IC {i.commanderName}</span>
          ) : null}
        </div>
        {i.duplicateOf ? (
          <p className="text-sm">
            Duplicate of{" "}
            <Link href={`/incidents/${i.duplicateOf.id}`} className="text-primary underline">
              {reference(i.duplicateOf.number)} {i.duplicateOf.title}
            </Link>
          </p>
        ) : null}
        {i.problem ? (
          <p className="text-sm">
            Part of problem{" "}
            <Link href={`/problems/${i.problem.id}`} className="text-primary underline">
              PRB-{i.problem.number} {i.problem.title}
            </Link>
          </p>
        ) : null}
        {i.description ? (
          <p className="max-w-3xl whitespace-pre-wrap text-sm text-muted-foreground">{i.description}</p>
        ) : null}
      </header>
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="grid content-start gap-5">
          <Card>
            <CardHeader>
              <CardTitle>Timeline</CardTitle>
            </CardHeader>
            <CardBody className="grid gap-5">
              {mayUpdate ? <NoteForm id={i.id} /> : null}
              <IncidentTimeline events={i.timeline} />
            </CardBody>
          </Card>
          {mayUpdate ? (
            <Card>
              <details>
                <summary className="card-header cursor-pointer">
                  <span className="card-title">Edit details and correct times</span>
                </summary>
                <CardBody>
                  <IncidentEditForm incident={i} />
                </CardBody>
              </details>
            </Card>
          ) : null}
        </div>
        <aside className="grid content-start gap-5">
          {mayUpdate ? (
            <Card>
              <CardHeader>
                <CardTitle>Next step</CardTitle>
              </CardHeader>
              <CardBody>
                <StatusControl
                  id={i.id}
                  version={i.version}
                  status={i.status}
                  acknowledged={Boolean(i.acknowledgedAt)}
                  cause={i.cause}
                />
              </CardBody>
            </Card>
          ) : null}
          <Card>
            <CardHeader>
              <CardTitle>Postmortem</CardTitle>
            </CardHeader>
            <CardBody className="grid gap-2 text-sm">
              {pm ? (
                <>
                  <p>
                    {pm.status === "published"
                      ? "Published."
                      : pm.status === "in_review"
                        ? "In review."
                        : "Draft."}
                    {pm.dueOn && pm.status !== "published" ? ` Due ${pm.dueOn}.` : ""}
                  </p>
                  <Link
                    href={`/incidents/${i.id}/postmortem`}
                    className={buttonVariants({ variant: "outline", size: "sm" })}
                  >
                    Open the postmortem
                  </Link>
                </>
              ) : (
                <>
                  <p className="text-muted-foreground">
                    {isMajor(i.severity)
                      ? "Required for a sev1 or sev2 before it can close."
                      : "Optional for a sev3 or sev4."}
                  </p>
                  {mayWritePostmortem ? (
                    <Link
                      href={`/incidents/${i.id}/postmortem`}
                      className={buttonVariants({ size: "sm" })}
                      data-testid="start-postmortem"
                    >
                      Start the postmortem
                    </Link>
                  ) : null}
                </>
              )}
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Times</CardTitle>
            </CardHeader>
            <CardBody>
              <IncidentTimes incident={i} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>People</CardTitle>
            </CardHeader>
            <CardBody>
              <PeopleCard incident={i} mayUpdate={mayUpdate} me={actor.user.email} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Error budget burned</CardTitle>
            </CardHeader>
            <CardBody>
              <BudgetBurnList budget={i.budget} />
            </CardBody>
          </Card>
        </aside>
      </div>
    </>
  );
}
