import { and, count, eq, isNotNull, isNull, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { type Slo, sloAlerts, slos } from "@/db/schema/slo";
import { uuidArray } from "./counts";
import { publishAlert, publishBudgetFreeze } from "./events";
import type { RuleVerdict } from "./math";
import { statusOf } from "./status";

export type AlertChange = { sloId: string; rule: RuleVerdict["rule"]; change: "fired" | "resolved" };

/**
 * A rule that stops firing only because a window fell under the minimum-event guard (a quiet
 * bucket, a collector pausing) keeps its alert open while its long window still burns above
 * the threshold: otherwise a page would close and reopen around every empty bucket.
 */
function stillBurning(verdict: RuleVerdict): boolean {
  return verdict.guarded && verdict.long.burnRate !== null && verdict.long.burnRate > verdict.threshold;
}

/** The figures an alert keeps: what fired it, as it was. */
function numbersOf(verdict: RuleVerdict, target: number) {
  return {
    threshold: verdict.threshold,
    target,
    long: verdict.long,
    short: verdict.short,
  };
}

/**
 * Evaluates the burn-rate rules of `rows` at `now` and records what changed: an alert
 * opens when its rule fires and none is open, and resolves when the rule stops firing. The
 * budget's exhaustion is tracked the same way, for the budget-freeze events. Runs in the
 * caller's transaction (after an ingestion, a definition change, or on the schedule), so the
 * alert, its webhook deliveries and the write that caused them commit together.
 */
export async function evaluateAlerts(tx: Tx, rows: readonly Slo[], now = Date.now()): Promise<AlertChange[]> {
  if (!rows.length) return [];
  const statuses = await statusOf(tx, rows, { now, full: true });
  const open = await tx
    .select()
    .from(sloAlerts)
    .where(
      and(
        sql`${sloAlerts.sloId} = any(${uuidArray(rows.map((r) => r.id))}::uuid[])`,
        isNull(sloAlerts.resolvedAt),
      ),
    );
  const openByKey = new Map(open.map((a) => [`${a.sloId}|${a.rule}`, a]));
  const changes: AlertChange[] = [];
  const at = new Date(now);
  for (const row of rows) {
    const status = statuses.get(row.id);
    if (!status?.alerts) continue;
    for (const verdict of status.alerts) {
      const current = openByKey.get(`${row.id}|${verdict.rule}`);
      if (verdict.firing && !current) {
        const [inserted] = await tx
          .insert(sloAlerts)
          .values({
            sloId: row.id,
            rule: verdict.rule,
            severity: verdict.severity,
            firedAt: at,
            numbers: numbersOf(verdict, row.target),
          })
          .onConflictDoNothing()
          .returning();
        if (inserted) {
          changes.push({ sloId: row.id, rule: verdict.rule, change: "fired" });
          await publishAlert(tx, "slo.alert.fired", row, inserted);
        }
      } else if (!verdict.firing && current && !stillBurning(verdict)) {
        const [resolved] = await tx
          .update(sloAlerts)
          .set({ resolvedAt: at })
          .where(and(eq(sloAlerts.id, current.id), isNull(sloAlerts.resolvedAt)))
          .returning();
        if (resolved) {
          changes.push({ sloId: row.id, rule: verdict.rule, change: "resolved" });
          await publishAlert(tx, "slo.alert.resolved", row, resolved);
        }
      }
    }
    const exhausted = status.budgetRemaining !== null && status.budgetRemaining <= 0;
    if (exhausted !== (row.budgetExhaustedAt !== null)) {
      await tx
        .update(slos)
        .set({ budgetExhaustedAt: exhausted ? at : null })
        .where(eq(slos.id, row.id));
      // The events are about the service: the first SLO to spend its budget freezes it, and
      // only the last one to recover lets it go.
      const [others] = await tx
        .select({ n: count() })
        .from(slos)
        .where(
          and(eq(slos.serviceId, row.serviceId), ne(slos.id, row.id), isNotNull(slos.budgetExhaustedAt)),
        );
      if (Number(others.n) > 0) continue;
      await publishBudgetFreeze(
        tx,
        exhausted ? "slo.budget_freeze.entered" : "slo.budget_freeze.left",
        row,
        status.budgetRemaining,
      );
    }
  }
  return changes;
}
