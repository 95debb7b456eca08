const COLORS: Record<string, string> = {
  gold: "bg-amber-400",
  silver: "bg-slate-400",
  bronze: "bg-orange-400",
  none: "bg-muted-foreground/30",
};
const ORDER = ["gold", "silver", "bronze", "none"] as const;

type Row = {
  key: string;
  label: string;
  total: number;
  passed: number;
  applicable: number;
  levels: Record<string, number>;
};

/** One stacked bar per team or tier: how many services reach each level, and the rule pass rate. */
export function RollupBar({ row }: { row: Row }) {
  const rate = row.applicable ? Math.round((row.passed / row.applicable) * 100) : 0;
  return (
    <div className="grid gap-1.5" data-testid={`rollup-${row.key}`}>
      <div
        className="flex h-3 w-full overflow-hidden rounded-full bg-muted"
        role="img"
        aria-label={ORDER.map((l) => `${row.levels[l] ?? 0} ${l}`).join(", ")}
      >
        {ORDER.map((l) =>
          row.levels[l] ? (
            <span
              key={l}
              className={COLORS[l]}
              style={{ width: `${((row.levels[l] ?? 0) / row.total) * 100}%` }}
            />
          ) : null,
        )}
      </div>
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
        {ORDER.map((l) => (
          <span key={l} className="inline-flex items-center gap-1">
            <span className={`size-2 rounded-full ${COLORS[l]}`} aria-hidden /> {row.levels[l] ?? 0}{" "}
            {l === "none" ? "no level" : l}
          </span>
        ))}
        <span>
          · {rate}% of rules pass across {row.total} services
        </span>
      </p>
    </div>
  );
}
