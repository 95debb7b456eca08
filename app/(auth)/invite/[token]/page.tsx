import type { Metadata } from "next";
import { InviteForm } from "@/components/auth/invite-form";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Join Pharos" };

export default async function InvitePage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  return (
    <Card className="p-6">
      <h1 className="text-lg font-semibold">Join Pharos</h1>
      <p className="mb-5 text-sm text-muted-foreground">
        Choose a password to finish setting up your account.
      </p>
      <InviteForm token={token} />
    </Card>
  );
}
