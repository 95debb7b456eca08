import type { ScorecardLevel } from "@/db/schema/catalog";
import { LEVELS_BEST_FIRST, levelShares } from "@/lib/catalog/rollup-math";
import { LEVEL_NAMES, type RollupRow } from "./rollup-bar";

/**
 * The rollup as a table (services and share at each level), for screen readers by default:
 * the stacked bars beside it are pictures of these numbers. The class goes on a wrapper, since
 * a table never shrinks below its content: as `sr-only` itself it would widen a narrow page.
 */
export function RollupTable({
  caption,
  rows,
  label = (r) => r.label,
  className = "sr-only",
}: {
  caption: string;
  rows: RollupRow[];
  label?: (row: RollupRow) => string;
  className?: string;
}) {
  return (
    <div className={className}>
      <table className="text-sm">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            {LEVELS_BEST_FIRST.map((l) => (
              <th key={l} scope="col">
                {LEVEL_NAMES[l]}
              </th>
            ))}
            <th scope="col">Services</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const shares = levelShares(row.levels, row.total);
            return (
              <tr key={row.key}>
                <th scope="row">{label(row)}</th>
                {LEVELS_BEST_FIRST.map((l: ScorecardLevel) => (
                  <td key={l}>
                    {row.levels[l] ?? 0} ({shares[l]}%)
                  </td>
                ))}
                <td>{row.total}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
