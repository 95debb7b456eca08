import type { Service } from "@/db/schema";
import { SERVICE_COLUMN_FIELDS, type ServiceColumnsInput } from "./schemas";

type ColumnName = (typeof SERVICE_COLUMN_FIELDS)[number] & keyof Service;

/** Compares a stored value with an incoming one the way the database would store it. */
function same(stored: unknown, incoming: unknown): boolean {
  if (stored instanceof Date || incoming instanceof Date)
    return stored instanceof Date && incoming instanceof Date && stored.getTime() === incoming.getTime();
  if (Array.isArray(stored) || Array.isArray(incoming)) return canonical(stored) === canonical(incoming);
  return (stored ?? null) === (incoming ?? null);
}

/** JSONB keeps object keys in its own order and drops undefined: compare links field by field. */
function canonical(value: unknown): string {
  const items = Array.isArray(value) ? value : [];
  return JSON.stringify(
    items.map((item) =>
      item && typeof item === "object"
        ? Object.entries(item)
            .filter(([, v]) => v !== undefined && v !== null)
            .sort(([a], [b]) => (a < b ? -1 : 1))
        : item,
    ),
  );
}

/**
 * The stored columns an input would actually change: a field left out, or sent with the
 * value it already has, is not a change. An empty result means the request changes nothing.
 */
export function changedColumns(before: Service, input: ServiceColumnsInput): Partial<Service> {
  const out: Partial<Record<ColumnName, unknown>> = {};
  for (const column of SERVICE_COLUMN_FIELDS as readonly ColumnName[]) {
    const value = input[column];
    if (value !== undefined && !same(before[column], value)) out[column] = value;
  }
  return out as Partial<Service>;
}

/** Whether two dependency lists name the same services, in any order. */
export function sameSlugs(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((s) => right.has(s));
}
