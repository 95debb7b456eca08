import type { Metadata } from "next";
import { ServiceForm } from "@/components/catalog/service-form";
import { Forbidden } from "@/components/shell/forbidden";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listTeams } from "@/lib/admin/queries";
import { can } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";
import { teamsOfUser } from "@/lib/catalog/queries";

export const metadata: Metadata = { title: "Register a service" };

export default async function NewServicePage() {
  const actor = await requireActor();
  if (!can(actor, "service.create")) return <Forbidden what="service registration" />;
  const db = getDb();
  // Engineers register services for their own teams; admins for any team.
  const teams = can(actor, "service.update_any") ? await listTeams(db) : await teamsOfUser(db, actor.user.id);
  return (
    <>
      <PageHeader
        title="Register a service"
        description="What it is, who owns it and how to operate it. You can add dependencies once it exists."
      />
      <Card className="max-w-4xl p-6">
        {teams.length ? (
          <ServiceForm
            mode="create"
            initial={{}}
            teams={teams.map((t) => ({ slug: t.slug, name: t.name }))}
          />
        ) : (
          <p className="text-sm text-muted-foreground">
            You are not on a team yet, and services belong to teams. Ask an admin to add you to one.
          </p>
        )}
      </Card>
    </>
  );
}
