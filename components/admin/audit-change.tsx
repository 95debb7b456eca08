import { plural } from "@/lib/plural";

/** Before/after of one audit row: the changed keys first, the full snapshots on demand. */
export function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  const changed = changedKeys(before, after);
  if (before == null && after == null) return <span className="text-xs text-muted-foreground">—</span>;
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-primary">
        {changed.length ? changedSummary(changed) : "Details"}
      </summary>
      <div className="mt-2 grid gap-2 md:grid-cols-2">
        <Snapshot label="Before" value={before} />
        <Snapshot label="After" value={after} />
      </div>
    </details>
  );
}

function Snapshot({ label, value }: { label: string; value: unknown }) {
  return (
    <div className="min-w-0">
      <p className="mb-1 font-medium text-muted-foreground">{label}</p>
      <pre className="rounded bg-muted p-2 text-[11px] leading-snug whitespace-pre-wrap break-all">
        {value == null ? "—" : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

const SHOWN_KEYS = 4;

/** "name, role" or "name, role, email, teams and 2 others": the first few changed keys. */
function changedSummary(keys: string[]): string {
  const shown = keys.slice(0, SHOWN_KEYS).join(", ");
  const rest = keys.length - SHOWN_KEYS;
  return rest > 0 ? `${shown} and ${plural(rest, { one: "other", other: "others" })}` : shown;
}

export function changedKeys(before: unknown, after: unknown): string[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  return [...keys].filter((k) => k !== "updatedAt" && JSON.stringify(b[k]) !== JSON.stringify(a[k]));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
