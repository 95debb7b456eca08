import type { Metadata } from "next";
import { ImportWizard } from "@/components/catalog/import-wizard";
import { Forbidden } from "@/components/shell/forbidden";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { importPageRead } from "@/lib/catalog/import-reads";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "Import from Backstage" };

export default async function ImportPage() {
  const read = await pageQuery(importPageRead, {});
  if (!read.ok) return <Forbidden what="catalog import" />;
  const { anyService, teams, mayManageTeams, mayManageUsers } = read.data;
  return (
    <>
      <PageHeader
        title="Import from Backstage"
        description="Components become services, Groups teams, Users people (without passwords); Systems and Domains group services. Preview first: the import is all or nothing, and importing the same file twice changes nothing."
        actions={
          <Button asChild variant="outline">
            <Link href="/services/import/locations" data-testid="locations-link">
              <Icon name="i-map-pin" />
              Sync from a URL
            </Link>
          </Button>
        }
      />
      {anyService && mayManageTeams && mayManageUsers ? null : (
        <p className="mb-4 max-w-3xl text-sm text-muted-foreground" data-testid="import-limits">
          {anyService
            ? "You may import services of any team."
            : teams.length
              ? `You may import services owned by ${listOf(teams)}.`
              : "You are on no team yet, so the import cannot create or change services."}{" "}
          {mayManageTeams && mayManageUsers
            ? null
            : "New or changed Groups and Users need an admin; unchanged ones are fine."}
        </p>
      )}
      <ImportWizard />
    </>
  );
}

function listOf(names: string[]) {
  return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
