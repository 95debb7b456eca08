import { MonitorSmartphone } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { CreateTokenForm } from "@/components/settings/create-token-form";
import { TokenTable } from "@/components/settings/token-table";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listTokens } from "@/lib/admin/queries";
import { scopesForRole } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "API tokens" };

export default async function MyTokensPage() {
  const actor = await requireActor();
  const tokens = await listTokens(getDb(), { userId: actor.user.id });
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            Personal tokens act as you, limited to their scopes. Send one as{" "}
            <code>Authorization: Bearer …</code> to <code>/api/v1</code>.
          </>
        }
        actions={
          <Button asChild variant="ghost" size="sm">
            <Link href="/settings/sessions">
              <MonitorSmartphone aria-hidden /> Sessions
            </Link>
          </Button>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card>
          <TokenTable tokens={tokens} />
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>New token</CardTitle>
          </CardHeader>
          <div className="p-4">
            <CreateTokenForm offeredScopes={scopesForRole(actor.user.role)} />
          </div>
        </Card>
      </div>
    </>
  );
}
