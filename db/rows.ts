/** The rows of `db.execute`: postgres.js answers with the rows themselves, PGlite with an object holding them. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}
