import { Badge } from "@/components/ui/badge";

/** On, off, or on but failing: what an admin needs to know at a glance. */
export function WebhookStatus({
  enabled,
  consecutiveFailures,
}: {
  enabled: boolean;
  consecutiveFailures: number;
}) {
  if (!enabled) return <Badge tone="danger">Disabled</Badge>;
  if (consecutiveFailures > 0) return <Badge tone="warning">Failing ({consecutiveFailures} in a row)</Badge>;
  return <Badge tone="healthy">Enabled</Badge>;
}

const DELIVERY_TONE = {
  pending: "neutral",
  retrying: "warning",
  succeeded: "healthy",
  failed: "danger",
  skipped: "neutral",
} as const;

export function DeliveryStatus({ status }: { status: keyof typeof DELIVERY_TONE }) {
  return <Badge tone={DELIVERY_TONE[status]}>{status}</Badge>;
}
