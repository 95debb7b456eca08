import { MonitorSmartphone } from "lucide-react";
import type { Metadata } from "next";
import { CreateTokenForm } from "@/components/settings/create-token-form";
import { TokenTable } from "@/components/settings/token-table";
import { Forbidden } from "@/components/shell/forbidden";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { myTokensPageRead } from "@/lib/admin/reads";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "API tokens" };

export default async function MyTokensPage() {
  const read = await pageQuery(myTokensPageRead, {});
  if (!read.ok) return <Forbidden what="your API tokens" />;
  const { tokens, offeredScopes } = read.data;
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
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card>
          <TokenTable tokens={tokens} />
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>New token</CardTitle>
          </CardHeader>
          <div className="p-4">
            <CreateTokenForm offeredScopes={offeredScopes} />
          </div>
        </Card>
      </div>
    </>
  );
}
