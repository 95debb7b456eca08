import type { Metadata } from "next";
import { SessionEndOthers } from "@/components/settings/session-end-others";
import { SessionTable } from "@/components/settings/session-table";
import { Forbidden } from "@/components/shell/forbidden";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Icon } from "@/components/ui/icon";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";
import { ownSessionsRead } from "@/lib/auth/session-reads";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage() {
  const actor = await requireActor();
  const read = await pageQuery(ownSessionsRead, { current: actor.sessionId });
  if (!read.ok) return <Forbidden what="your sessions" />;
  const others = read.data.filter((s) => !s.current).length;
  return (
    <>
      <PageHeader
        title="Sessions"
        description="Where you are signed in. End any session you do not recognise: that browser is signed out at once, even if someone copied its cookie. Sessions last 12 hours from sign-in."
        actions={
          <>
            <Button asChild variant="ghost" size="sm">
              <Link href="/settings/tokens">
                <Icon name="i-key-round" /> API tokens
              </Link>
            </Button>
            <SessionEndOthers count={others} />
          </>
        }
      />
      <Card>
        <SessionTable sessions={read.data} />
      </Card>
    </>
  );
}
