import type { Tx } from "@/db/client";
import type { Slo } from "@/db/schema/slo";

export type SloEventType =
  | "slo.alert.fired"
  | "slo.alert.resolved"
  | "slo.budget_freeze.entered"
  | "slo.budget_freeze.left";

/**
 * Hands an SLO event to the outbound webhooks in the caller's transaction. Until the
 * webhook machinery is wired in, events are only counted here.
 */
export async function publishSloEvent(
  _tx: Tx,
  _type: SloEventType,
  _slo: Slo,
  _data: Record<string, unknown>,
) {}
