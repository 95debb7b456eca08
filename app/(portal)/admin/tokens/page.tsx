import type { Metadata } from "next";
import { TokenTable } from "@/components/settings/token-table";
import { Forbidden } from "@/components/shell/forbidden";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listTokens } from "@/lib/admin/queries";
import { can } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "All API tokens" };

export default async function AdminTokensPage() {
  const actor = await requireActor();
  if (!can(actor, "token.manage_any")) return <Forbidden what="every user's API tokens" />;
  const tokens = await listTokens(getDb(), {});
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Every token in the organisation. Revoking one stops it at once."
      />
      <Card>
        <TokenTable tokens={tokens} showOwner />
      </Card>
    </>
  );
}
