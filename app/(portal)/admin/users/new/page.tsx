import type { Metadata } from "next";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { Forbidden } from "@/components/shell/forbidden";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listTeams } from "@/lib/admin/queries";
import { can } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Invite user" };

export default async function NewUserPage() {
  const actor = await requireActor();
  if (!can(actor, "user.manage")) return <Forbidden what="user administration" />;
  const teams = await listTeams(getDb());
  return (
    <>
      <PageHeader
        title="Invite a user"
        description="Leave the password empty to get a one-time invite link the person uses to choose their own."
      />
      <Card className="max-w-2xl p-6">
        <CreateUserForm teams={teams.map((t) => ({ slug: t.slug, name: t.name }))} />
      </Card>
    </>
  );
}
