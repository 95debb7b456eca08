import { MapPin } from "lucide-react";
import type { Metadata } from "next";
import { LocationCard } from "@/components/catalog/locations/location-card";
import { LocationForm } from "@/components/catalog/locations/location-form";
import { Forbidden } from "@/components/shell/forbidden";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { locationsPageRead } from "@/lib/catalog/locations/location-reads";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "Catalog locations" };

export default async function LocationsPage() {
  const read = await pageQuery(locationsPageRead, {});
  if (!read.ok) return <Forbidden what="catalog locations" />;
  const { items, mayImport } = read.data;
  return (
    <>
      <PageHeader
        title="Catalog locations"
        description="catalog-info.yaml files Pharos reads by URL, every 30 minutes and on demand. A refresh that only adds and changes is applied at once; one that would remove a dependency, link or owner, or lower a tier, waits here for review."
        actions={
          mayImport ? (
            <Button asChild variant="outline">
              <Link href="/services/import">Paste YAML instead</Link>
            </Button>
          ) : null
        }
      />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6">
        {mayImport ? (
          <Card>
            <CardHeader>
              <CardTitle>Register a location</CardTitle>
            </CardHeader>
            <CardBody>
              <LocationForm />
            </CardBody>
          </Card>
        ) : null}
        <Card>
          <CardHeader>
            <CardTitle>Locations</CardTitle>
          </CardHeader>
          {items.length ? (
            <ul className="divide-y" data-testid="locations">
              {items.map((l) => (
                <LocationCard key={l.id} location={l} mayImport={mayImport} mayRemove={l.mayRemove} />
              ))}
            </ul>
          ) : (
            <EmptyState icon={MapPin} title="No locations yet">
              {mayImport
                ? "Register the URL of a catalog-info.yaml above, and Pharos keeps the catalog in step with it."
                : "Engineers register catalog-info.yaml URLs here; their refreshes show up on this page."}
            </EmptyState>
          )}
        </Card>
      </div>
    </>
  );
}
