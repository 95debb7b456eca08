/**
 * A value that is already JSON text — built by the database, say — so the answer is sent
 * as it is instead of parsed into objects and serialised again. `JSON.stringify` of one
 * gives the value it stands for.
 */
export class JsonText<T = unknown> {
  constructor(readonly text: string) {}

  /** The value, for the few callers that need it as objects. */
  value(): T {
    return JSON.parse(this.text) as T;
  }

  toJSON(): T {
    return this.value();
  }
}

/** JSON text of `fields` (serialised as usual) with `raw` pieces of JSON text laid in as they are. */
export function jsonObjectText(fields: Record<string, unknown>, raw: Record<string, string>): string {
  const own = JSON.stringify(fields);
  const parts = Object.entries(raw).map(([key, text]) => `${JSON.stringify(key)}:${text}`);
  if (!parts.length) return own;
  return own === "{}" ? `{${parts.join(",")}}` : `{${parts.join(",")},${own.slice(1)}`;
}
