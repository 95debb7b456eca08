import type { Metadata } from "next";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { Forbidden } from "@/components/shell/forbidden";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { inviteUserPageRead } from "@/lib/admin/reads";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "Invite user" };

export default async function NewUserPage() {
  const read = await pageQuery(inviteUserPageRead, {});
  if (!read.ok) return <Forbidden what="user administration" />;
  return (
    <>
      <PageHeader
        title="Invite a user"
        description="Leave the password empty to get a one-time invite link the person uses to choose their own."
      />
      <Card className="max-w-2xl p-6">
        <CreateUserForm teams={read.data.teams} />
      </Card>
    </>
  );
}
