import type { AuditFilter } from "./queries";

/** Reads the audit browser's filters from the query string; bad dates are ignored, not fatal. */
export function parseAuditFilter(get: (key: string) => string | undefined): AuditFilter {
  const text = (k: string) => get(k)?.trim().slice(0, 200) || undefined;
  return {
    actor: text("actor"),
    action: text("action"),
    entityType: text("entityType"),
    entityId: text("entityId"),
    from: date(get("from"), false),
    to: date(get("to"), true),
  };
}

function date(raw: string | undefined, endOfDay: boolean): Date | undefined {
  if (!raw) return undefined;
  const d = /^\d{4}-\d{2}-\d{2}$/.test(raw)
    ? new Date(`${raw}T${endOfDay ? "23:59:59.999" : "00:00:00"}Z`)
    : new Date(raw);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
