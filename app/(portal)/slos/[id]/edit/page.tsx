import type { Metadata } from "next";
import { Forbidden } from "@/components/shell/forbidden";
import { SloForm } from "@/components/slo/slo-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageQuery } from "@/lib/query/page";
import { sloEditPageRead } from "@/lib/slo/page-reads";

export const metadata: Metadata = { title: "Edit SLO" };

export default async function EditSloPage({ params }: PageProps<"/slos/[id]/edit">) {
  const read = await pageQuery(sloEditPageRead, { id: (await params).id });
  if (!read.ok) return <Forbidden what="changing this SLO (only its service's team and admins may)" />;
  const { slo, values } = read.data;
  return (
    <>
      <PageHeader
        title={`Edit ${slo.name}`}
        description={`${slo.service.name} · version ${slo.version}. Saving makes version ${slo.version + 1}; status and history are recomputed from the stored counts.`}
      />
      <Card className="max-w-4xl p-6">
        <SloForm mode="edit" initial={values} />
      </Card>
    </>
  );
}
