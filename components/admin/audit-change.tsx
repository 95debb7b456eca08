/** Before/after of one audit row: the changed keys first, the full snapshots on demand. */
export function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  const changed = changedKeys(before, after);
  if (before == null && after == null) return <span className="text-xs text-muted-foreground">—</span>;
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-primary">
        {changed.length
          ? changed.slice(0, 4).join(", ") + (changed.length > 4 ? ` +${changed.length - 4}` : "")
          : "details"}
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

export function changedKeys(before: unknown, after: unknown): string[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  return [...keys].filter((k) => k !== "updatedAt" && JSON.stringify(b[k]) !== JSON.stringify(a[k]));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
