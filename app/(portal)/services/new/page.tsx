import type { Metadata } from "next";
import { ServiceForm } from "@/components/catalog/service-form";
import { Forbidden } from "@/components/shell/forbidden";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { serviceNewPageRead } from "@/lib/catalog/reads";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "Register a service" };

export default async function NewServicePage() {
  const read = await pageQuery(serviceNewPageRead, {});
  if (!read.ok) return <Forbidden what="service registration" />;
  const { teams } = read.data;
  return (
    <>
      <PageHeader
        title="Register a service"
        description="What it is, who owns it and how to operate it. You can add dependencies once it exists."
      />
      <Card className="max-w-4xl p-6">
        {teams.length ? (
          <ServiceForm mode="create" initial={{}} teams={teams} />
        ) : (
          <p className="text-sm text-muted-foreground">
            You are not on a team yet, and services belong to teams. Ask an admin to add you to one.
          </p>
        )}
      </Card>
    </>
  );
}
