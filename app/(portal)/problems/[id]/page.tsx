import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MarkdownView } from "@/components/incidents/markdown-view";
import { ActionItemForm } from "@/components/problems/action-item-form";
import { LinkIncidentsForm } from "@/components/problems/link-incidents-form";
import { LinkedIncidents } from "@/components/problems/linked-incidents";
import { ProblemActionItems } from "@/components/problems/problem-action-items";
import { ProblemDetails } from "@/components/problems/problem-details";
import { ProblemEditForm } from "@/components/problems/problem-edit-form";
import { problemFields } from "@/components/problems/problem-fields";
import { ProblemHeader } from "@/components/problems/problem-header";
import { ProblemHistory } from "@/components/problems/problem-history";
import { ProblemStateControl } from "@/components/problems/problem-state-control";
import { ProblemStatePath } from "@/components/problems/problem-state-path";
import { Forbidden } from "@/components/shell/forbidden";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { FlashMessage } from "@/components/ui/flash-message";
import { problemPageRead } from "@/lib/incidents/problem-page-reads";
import { plural } from "@/lib/plural";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "Problem" };

function Analysis({ label, text, empty }: { label: string; text: string; empty: string }) {
  return (
    <div
      className="grid content-start gap-1.5"
      data-testid={`analysis-${label.toLowerCase().replace(" ", "-")}`}
    >
      <h3 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">{label}</h3>
      {text ? (
        <MarkdownView source={text} className="text-sm" />
      ) : (
        <p className="text-sm text-muted-foreground">{empty}</p>
      )}
    </div>
  );
}

export default async function ProblemPage({ params, searchParams }: PageProps<"/problems/[id]">) {
  const { id } = await params;
  const flags = await searchParams;
  const read = await pageQuery(problemPageRead, { id });
  if (!read.ok) return <Forbidden what="problems" />;
  if (!read.data) notFound();
  const { problem: p, mayManage, mayManageActions, me } = read.data;
  const openItems = p.actionItems.filter((a) => a.status === "open" || a.status === "in_progress").length;
  return (
    <>
      {flags.created ? (
        <FlashMessage
          param="created"
          message={`Opened PRB-${p.number} with ${plural(p.incidents.length, { one: "incident", other: "incidents" })} linked.`}
        />
      ) : null}
      <ProblemHeader problem={p} />
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="grid min-w-0 grid-cols-1 content-start gap-5">
          <Card>
            <CardHeader>
              <CardTitle>Root cause and workaround</CardTitle>
            </CardHeader>
            <CardBody className="grid gap-5 md:grid-cols-2">
              <Analysis label="Root cause" text={p.rootCause} empty="Not known yet." />
              <Analysis label="Workaround" text={p.workaround} empty="None recorded." />
            </CardBody>
            {mayManage ? (
              <details className="border-t">
                <summary className="cursor-pointer px-4 py-3 text-sm font-medium">
                  Edit the analysis and details
                </summary>
                <CardBody className="pt-0">
                  <ProblemEditForm id={p.id} problem={problemFields(p)} />
                </CardBody>
              </details>
            ) : null}
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Linked incidents</CardTitle>
              <span className="text-xs text-muted-foreground">
                {plural(p.incidents.length, { one: "incident", other: "incidents" })}
              </span>
            </CardHeader>
            <LinkedIncidents problemId={p.id} incidents={p.incidents} mayManage={mayManage} />
            {mayManage ? (
              <CardBody className="border-t">
                <LinkIncidentsForm id={p.id} />
              </CardBody>
            ) : null}
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Action items</CardTitle>
              <span className="text-xs text-muted-foreground">{openItems} open</span>
            </CardHeader>
            <ProblemActionItems items={p.actionItems} mayManage={mayManageActions} />
            {mayManageActions ? (
              <details className="border-t" open={!p.actionItems.length}>
                <summary className="cursor-pointer px-4 py-3 text-sm font-medium">Add an action item</summary>
                <CardBody className="pt-0">
                  <ActionItemForm problemId={p.id} me={me} />
                </CardBody>
              </details>
            ) : null}
          </Card>
        </div>
        <aside className="grid content-start gap-5">
          <Card>
            <CardHeader>
              <CardTitle>State</CardTitle>
            </CardHeader>
            <CardBody className="grid gap-4">
              <ProblemStatePath state={p.state} />
              {mayManage ? (
                <ProblemStateControl
                  key={`${p.state}-${p.version}`}
                  id={p.id}
                  version={p.version}
                  state={p.state}
                  rootCause={p.rootCause}
                  workaround={p.workaround}
                />
              ) : null}
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Details</CardTitle>
            </CardHeader>
            <CardBody>
              <ProblemDetails problem={p} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>History</CardTitle>
            </CardHeader>
            <CardBody>
              <ProblemHistory history={p.history} />
            </CardBody>
          </Card>
        </aside>
      </div>
    </>
  );
}
