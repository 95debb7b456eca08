import type { Metadata } from "next";
import { ServiceForm } from "@/components/catalog/service-form";
import { Forbidden } from "@/components/shell/forbidden";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { serviceEditPageRead } from "@/lib/catalog/reads";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "Edit service" };

export default async function EditServicePage({ params }: PageProps<"/services/[slug]/edit">) {
  const read = await pageQuery(serviceEditPageRead, { slug: (await params).slug });
  if (!read.ok) return <Forbidden what="editing this service (only its owning team and admins may)" />;
  const { slug, name, values, teams } = read.data;
  return (
    <>
      <PageHeader title={`Edit ${name}`} description={`Slug: ${slug}`} />
      <Card className="max-w-4xl p-6">
        <ServiceForm mode="edit" initial={values} teams={teams} />
      </Card>
    </>
  );
}
