import type { Metadata } from "next";
import { ImportWizard } from "@/components/catalog/import-wizard";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Import from Backstage" };

export default async function ImportPage() {
  const actor = await requireActor();
  if (!can(actor, "service.create")) return <Forbidden what="catalog import" />;
  return (
    <>
      <PageHeader
        title="Import from Backstage"
        description="Components become services, Groups teams, Users people (without passwords); Systems and Domains group services. Preview first: the import is all or nothing, and importing the same file twice changes nothing."
      />
      <ImportWizard />
    </>
  );
}
