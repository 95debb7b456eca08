import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { services } from "@/db/schema/catalog";
import type { Slo, SloAlert } from "@/db/schema/slo";
import { emitEvent } from "@/lib/webhooks/emit";

type AlertNumbers = {
  threshold?: number;
  long?: { window: string; burnRate: number | null };
  short?: { window: string; burnRate: number | null };
};

async function sloRef(tx: Tx, slo: Slo) {
  const [service] = await tx
    .select({ slug: services.slug })
    .from(services)
    .where(eq(services.id, slo.serviceId));
  return { id: slo.id, name: slo.name, serviceSlug: service?.slug ?? "" };
}

/** An alert as its webhook payload: the figures that fired it (a resolution repeats them). */
function alertPayload(alert: SloAlert) {
  const n = alert.numbers as AlertNumbers;
  return {
    id: alert.id,
    rule: alert.rule,
    severity: alert.severity,
    firedAt: alert.firedAt.toISOString(),
    ...(alert.resolvedAt ? { resolvedAt: alert.resolvedAt.toISOString() } : {}),
    burnRate: { long: n.long?.burnRate ?? 0, short: n.short?.burnRate ?? 0 },
    threshold: n.threshold ?? 0,
    windows: { long: n.long?.window ?? "", short: n.short?.window ?? "" },
  };
}

/** Hands an alert's firing or resolution to the outbound webhooks, in the caller's transaction. */
export async function publishAlert(
  tx: Tx,
  type: "slo.alert.fired" | "slo.alert.resolved",
  slo: Slo,
  alert: SloAlert,
) {
  const payload = { slo: await sloRef(tx, slo), alert: alertPayload(alert) };
  if (type === "slo.alert.resolved")
    await emitEvent(tx, type, {
      ...payload,
      alert: { ...payload.alert, resolvedAt: payload.alert.resolvedAt! },
    });
  else await emitEvent(tx, type, payload);
}

/** Hands a budget-freeze change to the outbound webhooks, in the caller's transaction. */
export async function publishBudgetFreeze(
  tx: Tx,
  type: "slo.budget_freeze.entered" | "slo.budget_freeze.left",
  slo: Slo,
  remaining: number | null,
) {
  await emitEvent(tx, type, { slo: await sloRef(tx, slo), budget: { remaining } });
}
