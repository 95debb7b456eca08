import type { Metadata } from "next";
import { Forbidden } from "@/components/shell/forbidden";
import { ActionButton } from "@/components/ui/action-button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { EditWebhookForm } from "@/components/webhooks/edit-webhook-form";
import { RotateSecretButton } from "@/components/webhooks/rotate-secret-button";
import { WebhookStatus } from "@/components/webhooks/webhook-status";
import { dateTime, relativeTime } from "@/lib/format";
import { pageQuery } from "@/lib/query/page";
import { deleteWebhookAction, sendTestWebhookAction, setWebhookEnabledAction } from "@/lib/webhooks/actions";
import { webhookPageRead } from "@/lib/webhooks/reads";

export const metadata: Metadata = { title: "Webhook" };

export default async function WebhookPage({ params, searchParams }: PageProps<"/admin/webhooks/[id]">) {
  const read = await pageQuery(webhookPageRead, { ...(await searchParams), id: (await params).id });
  if (!read.ok) return <Forbidden what="webhooks" />;
  const { webhook: w, deliveries, events, rules } = read.data;
  const now = new Date();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/webhooks" className="text-muted-foreground hover:text-foreground">
          ← Webhooks
        </Link>
      </p>
      <PageHeader
        title="Webhook"
        description={<span className="font-mono break-all">{w.url}</span>}
        actions={
          <>
            {w.enabled ? (
              <ActionButton
                action={sendTestWebhookAction}
                fields={{ id: w.id }}
                label="Send test"
                variant="default"
                testId="send-test"
              />
            ) : null}
            <ActionButton
              action={setWebhookEnabledAction}
              fields={{ id: w.id, enabled: w.enabled ? "false" : "true" }}
              label={w.enabled ? "Disable" : "Enable"}
              testId="toggle-enabled"
            />
          </>
        }
      />
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="grid min-w-0 gap-6">
          <Card>
            <CardHeader className="flex flex-wrap items-center justify-between gap-2">
              <CardTitle>Status</CardTitle>
              <WebhookStatus enabled={w.enabled} consecutiveFailures={w.consecutiveFailures} />
            </CardHeader>
            <CardBody className="grid gap-3 text-sm">
              {!w.enabled && w.disabledReason ? (
                <p
                  className="rounded-md border border-destructive/40 bg-destructive/10 p-3"
                  data-testid="disabled-reason"
                >
                  {w.disabledReason}
                  {w.disabledAt ? (
                    <span className="block text-xs text-muted-foreground">{dateTime(w.disabledAt)}</span>
                  ) : null}
                </p>
              ) : null}
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                <dt className="text-muted-foreground">Last success</dt>
                <dd>{w.lastSuccessAt ? relativeTime(w.lastSuccessAt, now) : "never"}</dd>
                <dt className="text-muted-foreground">Last failure</dt>
                <dd>{w.lastFailureAt ? relativeTime(w.lastFailureAt, now) : "never"}</dd>
                <dt className="text-muted-foreground">Failures in a row</dt>
                <dd>
                  {w.consecutiveFailures}{" "}
                  <span className="text-muted-foreground">(off at {rules.autoDisableAfter})</span>
                </dd>
                <dt className="text-muted-foreground">Secret</dt>
                <dd>
                  {w.secretRotatedAt ? `rotated ${relativeTime(w.secretRotatedAt, now)}` : "as created"}
                </dd>
              </dl>
              <p className="text-xs text-muted-foreground">
                Each event is tried up to {rules.attempts} times with exponential back-off. Turning the
                webhook off skips what is still queued; turning it on clears its failures.
              </p>
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Delivery log</CardTitle>
            </CardHeader>
            <DeliveryLog webhookId={w.id} deliveries={deliveries} />
          </Card>
        </div>
        <div className="grid min-w-0 gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Settings</CardTitle>
            </CardHeader>
            <CardBody>
              <EditWebhookForm webhook={w} events={events} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Secret and removal</CardTitle>
            </CardHeader>
            <CardBody className="grid gap-4">
              <RotateSecretButton id={w.id} />
              <ActionButton
                action={deleteWebhookAction}
                fields={{ id: w.id }}
                label="Delete webhook"
                variant="destructive"
                testId="delete-webhook"
                confirm={{
                  title: "Delete this webhook?",
                  description: "It stops receiving events at once, and its delivery log is deleted with it.",
                  confirmLabel: "Delete",
                }}
              />
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
