/**
 * A list of flat records as one array per field: `[{a:1,b:2},{a:3}]` ⇄ `{length:2, a:[1,3], b:[2,null]}`.
 * For lists a server component hands to a client component, where the RSC payload would
 * otherwise repeat every field name on every row. A field a record lacks travels as null
 * and comes back absent, and so does a field that was null: read nullable fields with `??`.
 */
export type Columnar<T> = { length: number } & { [K in keyof T]?: (T[K] | null)[] };

export function toColumnar<T extends Record<string, unknown>>(rows: T[]): Columnar<T> {
  const out: Record<string, unknown[]> = {};
  rows.forEach((row, i) => {
    for (const [key, value] of Object.entries(row)) {
      if (value === undefined) continue;
      out[key] ??= new Array(rows.length).fill(null);
      out[key][i] = value;
    }
  });
  return { ...out, length: rows.length } as Columnar<T>;
}

export function fromColumnar<T extends Record<string, unknown>>(table: Columnar<T>): T[] {
  const { length, ...fields } = table;
  return Array.from({ length }, (_, i) => {
    const row: Record<string, unknown> = {};
    for (const [key, values] of Object.entries(fields) as [string, unknown[]][])
      if (values[i] !== null) row[key] = values[i];
    return row as T;
  });
}
