import { inDateRange } from "@/lib/validation/date";
import { hasControlCharacters } from "@/lib/validation/text";
import type { AuditFilter } from "./queries";

/**
 * Reads the audit browser's filters from the query string; bad values are ignored, not
 * fatal: text with control characters (the database refuses a NUL) and dates that do not
 * parse or fall outside 1970–9999.
 */
export function parseAuditFilter(get: (key: string) => string | undefined): AuditFilter {
  const text = (k: string) => {
    const value = get(k)?.trim().slice(0, 200);
    return value && !hasControlCharacters(value) ? value : undefined;
  };
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
  return inDateRange(d) ? d : undefined;
}
