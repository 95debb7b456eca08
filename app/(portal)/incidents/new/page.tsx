import type { Metadata } from "next";
import { DeclareForm } from "@/components/incidents/declare-form";
import { Forbidden } from "@/components/shell/forbidden";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { declarePageRead } from "@/lib/incidents/page-reads";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "Declare an incident" };

export default async function DeclarePage({ searchParams }: PageProps<"/incidents/new">) {
  const { service } = await searchParams;
  const read = await pageQuery(declarePageRead, {
    service: typeof service === "string" ? service : undefined,
  });
  if (!read.ok) return <Forbidden what="declaring incidents" />;
  return (
    <>
      <PageHeader
        title="Declare an incident"
        description="Declare early: a declared incident can be downgraded or cancelled, an undeclared one costs time."
      />
      <Card className="max-w-3xl p-5">
        <DeclareForm me={read.data.me} service={read.data.service?.slug ?? null} />
      </Card>
    </>
  );
}
