import type { Metadata } from "next";
import { Forbidden } from "@/components/shell/forbidden";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { CreateWebhookForm } from "@/components/webhooks/create-webhook-form";
import { WebhookStatus } from "@/components/webhooks/webhook-status";
import { relativeTime } from "@/lib/format";
import { pageQuery } from "@/lib/query/page";
import { webhooksPageRead } from "@/lib/webhooks/reads";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ searchParams }: PageProps<"/admin/webhooks">) {
  const read = await pageQuery(webhooksPageRead, await searchParams);
  if (!read.ok) return <Forbidden what="webhooks" />;
  const { items, total, page, pageSize, events } = read.data;
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Pharos POSTs signed JSON to these URLs when the events they subscribe to happen, retrying with back-off for about four hours. A receiver that fails 10 times in a row is turned off until an admin turns it on again."
        actions={
          <Link href="/api/docs" className="btn btn-ghost btn-sm">
            API reference
          </Link>
        }
      />
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card>
          <CardHeader>
            <CardTitle>Subscriptions</CardTitle>
          </CardHeader>
          {items.length ? (
            <>
              <Table data-testid="webhook-list">
                <THead>
                  <tr>
                    <TH>URL</TH>
                    <TH className="hidden sm:table-cell">Events</TH>
                    <TH className="hidden md:table-cell">Last success</TH>
                    <TH className="text-right">Status</TH>
                  </tr>
                </THead>
                <tbody>
                  {items.map((w) => (
                    <TR key={w.id}>
                      <TD className="max-w-72">
                        <Link
                          href={`/admin/webhooks/${w.id}`}
                          className="font-medium break-all text-primary underline-offset-4 hover:underline"
                        >
                          {w.url}
                        </Link>
                        {w.description ? (
                          <span className="block text-xs text-muted-foreground">{w.description}</span>
                        ) : null}
                      </TD>
                      <TD className="hidden sm:table-cell">
                        <span className="flex flex-wrap gap-1">
                          {w.events.map((e) => (
                            <Badge key={e} className="font-mono">
                              {e}
                            </Badge>
                          ))}
                        </span>
                      </TD>
                      <TD className="hidden text-xs md:table-cell">
                        {w.lastSuccessAt ? relativeTime(w.lastSuccessAt, now) : "never"}
                      </TD>
                      <TD className="text-right">
                        <WebhookStatus enabled={w.enabled} consecutiveFailures={w.consecutiveFailures} />
                      </TD>
                    </TR>
                  ))}
                </tbody>
              </Table>
              {total > pageSize ? (
                <Pagination
                  basePath="/admin/webhooks"
                  params={{}}
                  page={page}
                  pageSize={pageSize}
                  total={total}
                />
              ) : null}
            </>
          ) : (
            <EmptyState icon="i-webhook" title="No webhooks yet">
              Subscribe a URL to SLO alerts and budget freezes to send them to chat, a pager or your own
              automation. Each delivery is signed, so the receiver can tell it came from Pharos.
            </EmptyState>
          )}
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>New webhook</CardTitle>
          </CardHeader>
          <div className="p-4">
            <CreateWebhookForm events={events} />
          </div>
        </Card>
      </div>
    </>
  );
}
