import type { Metadata } from "next";
import { ProblemCreateForm } from "@/components/problems/problem-create-form";
import { Forbidden } from "@/components/shell/forbidden";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { newProblemPageRead } from "@/lib/incidents/problem-page-reads";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "New problem" };

export default async function NewProblemPage({ searchParams }: PageProps<"/problems/new">) {
  const { service } = await searchParams;
  const read = await pageQuery(newProblemPageRead, { service });
  return (
    <>
      <PageHeader
        title="New problem"
        description="A problem is the cause behind one or more incidents. Open it when incidents repeat, or when one incident's cause needs work beyond its postmortem."
      />
      {read.ok ? (
        <Card className="max-w-3xl p-5">
          <ProblemCreateForm me={read.data.me} service={read.data.service} />
        </Card>
      ) : (
        <Forbidden what="opening problems" />
      )}
    </>
  );
}
