import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ServiceForm } from "@/components/catalog/service-form";
import { Forbidden } from "@/components/shell/forbidden";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listTeams } from "@/lib/admin/queries";
import { can } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";
import { serviceFormValues } from "@/lib/catalog/form-values";
import { mayEditTeamServices } from "@/lib/catalog/ownership";
import { teamsOfUser } from "@/lib/catalog/queries";
import { getServiceDetail } from "@/lib/catalog/service-queries";

export const metadata: Metadata = { title: "Edit service" };

export default async function EditServicePage({ params }: PageProps<"/services/[slug]/edit">) {
  const actor = await requireActor();
  const db = getDb();
  const detail = await getServiceDetail(db, (await params).slug);
  if (!detail) notFound();
  if (!(await mayEditTeamServices(db, actor, detail.service.ownerTeamId)))
    return <Forbidden what="editing this service (it belongs to another team)" />;
  const teams = can(actor, "service.update_any") ? await listTeams(db) : await teamsOfUser(db, actor.user.id);
  return (
    <>
      <PageHeader title={`Edit ${detail.service.name}`} description={`Slug: ${detail.service.slug}`} />
      <Card className="max-w-4xl p-6">
        <ServiceForm
          mode="edit"
          initial={serviceFormValues(detail.service, detail.team?.slug ?? null)}
          teams={teams.map((t) => ({ slug: t.slug, name: t.name }))}
        />
      </Card>
    </>
  );
}
