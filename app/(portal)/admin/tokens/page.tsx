import { UserSearch } from "lucide-react";
import type { Metadata } from "next";
import { CreateTokenForm } from "@/components/settings/create-token-form";
import { TokenTable } from "@/components/settings/token-table";
import { Forbidden } from "@/components/shell/forbidden";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { adminTokensPageRead } from "@/lib/admin/reads";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "All API tokens" };

export default async function AdminTokensPage({ searchParams }: PageProps<"/admin/tokens">) {
  const read = await pageQuery(adminTokensPageRead, await searchParams);
  if (!read.ok) return <Forbidden what="every user's API tokens" />;
  const { tokens, owner, ownerEmail, offeredScopes } = read.data;
  return (
    <>
      <PageHeader
        title="All API tokens"
        description="As an admin you see every person’s tokens (scopes, expiry, last use and who minted them, never the secret) and may revoke any of them at once. Pick a person to see only theirs and mint one for them: it can do no more than their role allows."
      />
      <form className="mb-4 flex flex-wrap items-end gap-2">
        <div className="grid min-w-60 flex-1 gap-1 sm:max-w-sm">
          <label htmlFor="owner" className="text-xs font-medium text-muted-foreground">
            Owner
          </label>
          <Input
            id="owner"
            name="owner"
            type="email"
            defaultValue={ownerEmail}
            placeholder="person@example.com"
          />
        </div>
        <Button type="submit" variant="outline">
          Show
        </Button>
        {ownerEmail ? (
          <Button asChild variant="ghost">
            <Link href="/admin/tokens">Everyone</Link>
          </Button>
        ) : null}
      </form>
      {ownerEmail && !owner ? (
        <Card>
          <EmptyState icon={UserSearch} title="No active user with that email">
            Check the address, or find the person on the{" "}
            <Link href="/admin/users" className="text-primary underline-offset-4 hover:underline">
              Users
            </Link>{" "}
            page.
          </EmptyState>
        </Card>
      ) : owner ? (
        <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <Card>
            <CardHeader>
              <CardTitle>
                {owner.name}’s tokens{" "}
                <span className="text-sm font-normal text-muted-foreground">
                  {owner.email} · {ROLE_LABELS[owner.role]}
                </span>
              </CardTitle>
            </CardHeader>
            <TokenTable tokens={tokens} actsAs={owner.name} />
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>New token for {owner.name}</CardTitle>
            </CardHeader>
            <div className="p-4">
              <p className="mb-4 text-xs text-muted-foreground">
                The token and the audit log name you as the admin who minted it, beside {owner.name}.
              </p>
              <CreateTokenForm offeredScopes={offeredScopes} owner={owner} />
            </div>
          </Card>
        </div>
      ) : (
        <Card>
          <TokenTable tokens={tokens} showOwner />
        </Card>
      )}
    </>
  );
}
