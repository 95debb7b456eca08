import { Badge } from "@/components/ui/badge";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { PlanRow } from "@/lib/catalog/import/plan";
import { plural } from "@/lib/plural";

const TONE = {
  create: "healthy",
  update: "primary",
  unchanged: "neutral",
  skipped: "warning",
  error: "danger",
} as const;
const ORDER = ["error", "create", "update", "skipped", "unchanged"] as const;

export function ImportCounts({ counts }: { counts: Record<string, number> }) {
  return (
    <p className="flex flex-wrap gap-2" data-testid="import-counts">
      {ORDER.map((a) => (
        <Badge key={a} tone={TONE[a]}>
          {counts[a] ?? 0} {a}
        </Badge>
      ))}
    </p>
  );
}

/** Why an entity has its result, or what an update changes: each field before → after, losses first. */
function PlanDetail({ row }: { row: PlanRow }) {
  if (!row.diff?.length) return <>{row.reason ?? ""}</>;
  return (
    <div className="grid gap-1">
      {row.warnings?.map((w) => (
        <p key={w} className="font-medium text-at-risk-fg" data-testid="plan-warning">
          ⚠ {w[0].toUpperCase() + w.slice(1)}
        </p>
      ))}
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-0.5" data-testid="plan-diff">
        {row.diff.map((d) => (
          <div key={d.field} className="contents">
            <dt className="text-muted-foreground">{d.label}</dt>
            <dd className="break-words">
              <del className="text-muted-foreground">{d.before}</del> →{" "}
              <ins className="no-underline">{d.after}</ins>
            </dd>
          </div>
        ))}
      </dl>
      {row.reason ? <p className="text-muted-foreground">{row.reason}</p> : null}
    </div>
  );
}

/** Every entity of the file with what the import does to it, problems first. */
export function ImportPlanTable({ rows, limit = 500 }: { rows: PlanRow[]; limit?: number }) {
  const sorted = [...rows].sort((a, b) => ORDER.indexOf(a.action) - ORDER.indexOf(b.action));
  return (
    <>
      <Table>
        <THead>
          <tr>
            <TH>Entity</TH>
            <TH>Result</TH>
            <TH>Why / what changes</TH>
          </tr>
        </THead>
        <tbody>
          {sorted.slice(0, limit).map((r, i) => (
            <TR key={`${r.ref}-${i}`} data-testid={`plan-${r.action}`}>
              <TD className="font-mono text-xs [overflow-wrap:anywhere]">{r.ref}</TD>
              <TD>
                <Badge tone={TONE[r.action]}>{r.action}</Badge>
              </TD>
              <TD className="text-xs">
                <PlanDetail row={r} />
              </TD>
            </TR>
          ))}
        </tbody>
      </Table>
      {rows.length > limit ? (
        <p className="px-3 py-2 text-xs text-muted-foreground">
          Showing {limit} of {plural(rows.length, { one: "entity", other: "entities" })} (problems first).
        </p>
      ) : null}
    </>
  );
}
