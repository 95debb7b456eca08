import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { DeliveryStatus as Status } from "@/db/schema/webhooks";
import { dateTime, relativeTime } from "@/lib/format";
import { DeliveryStatus } from "./webhook-status";

type Delivery = {
  id: string;
  eventType: string;
  status: Status;
  attempts: number;
  responseStatus: number | null;
  responseMs: number | null;
  error: string | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
};

/** Every delivery, newest first: the outcome of its latest attempt. */
export function DeliveryLog({
  webhookId,
  deliveries,
}: {
  webhookId: string;
  deliveries: { items: Delivery[]; total: number; page: number; pageSize: number };
}) {
  if (!deliveries.total)
    return (
      <EmptyState icon="i-send" title="Nothing delivered yet">
        Deliveries appear here as events happen. Send a test to check the receiver now.
      </EmptyState>
    );
  const now = new Date();
  return (
    <>
      <Table data-testid="delivery-log">
        <THead>
          <tr>
            <TH>Event</TH>
            <TH>Status</TH>
            <TH className="text-right">HTTP</TH>
            <TH className="text-right">Time</TH>
            <TH className="hidden text-right sm:table-cell">Attempts</TH>
            <TH className="hidden md:table-cell">When</TH>
          </tr>
        </THead>
        <tbody>
          {deliveries.items.map((d) => (
            <TR key={d.id} data-testid={`delivery-${d.eventType}`}>
              <TD>
                <span className="font-mono text-xs">{d.eventType}</span>
                {d.error ? (
                  <span className="block max-w-md text-xs text-muted-foreground">{d.error}</span>
                ) : null}
                <span className="block text-xs text-muted-foreground md:hidden">
                  {relativeTime(d.createdAt, now)}
                </span>
              </TD>
              <TD>
                <DeliveryStatus status={d.status} />
              </TD>
              <TD className="text-right font-mono text-xs tabular-nums" data-testid="delivery-http">
                {d.responseStatus ?? "—"}
              </TD>
              <TD className="text-right text-xs tabular-nums whitespace-nowrap">
                {d.responseMs === null ? "—" : `${d.responseMs} ms`}
              </TD>
              <TD className="hidden text-right text-xs tabular-nums sm:table-cell">{d.attempts}</TD>
              <TD className="hidden text-xs md:table-cell" title={dateTime(d.lastAttemptAt ?? d.createdAt)}>
                {relativeTime(d.lastAttemptAt ?? d.createdAt, now)}
              </TD>
            </TR>
          ))}
        </tbody>
      </Table>
      {deliveries.total > deliveries.pageSize ? (
        <Pagination
          basePath={`/admin/webhooks/${webhookId}`}
          params={{}}
          page={deliveries.page}
          pageSize={deliveries.pageSize}
          total={deliveries.total}
        />
      ) : null}
    </>
  );
}
