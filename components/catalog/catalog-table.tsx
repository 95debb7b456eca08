"use client";

import { Badge } from "@/components/ui/badge";
import Link from "@/components/ui/link";
import { BULK_FORM } from "@/lib/catalog/bulk";
import { type CatalogColumn, COLUMN_LABELS } from "@/lib/catalog/columns";
import type { TableRow } from "@/lib/catalog/table-rows";
import { type Columnar, fromColumnar } from "@/lib/columnar";
import { LevelBadge } from "./level-badge";
import { TierBadge } from "./tier-badge";

type Props = { rows: Columnar<TableRow>; columns: readonly CatalogColumn[]; selectable: boolean };

/**
 * The catalog list: a table from 640 px up, cards below it (a phone shows every fact of a
 * service without sideways scrolling). With `selectable`, each row has a checkbox that
 * belongs to the bulk-action form (BULK_FORM), wherever on the page that form is.
 * A client component fed compact rows (lib/catalog/table-rows.ts, columnar): see TableRow for why.
 */
export function CatalogTable({ rows: table, columns, selectable }: Props) {
  const rows = fromColumnar(table);
  const unmeasured = rows.some((r) => r.unmeasured);
  // One markup for both layouts (`.catalog-table` in globals.css): a row is a table row from
  // 640 px up and a card below it. Rendering a table and a card list would send every row twice.
  return (
    <>
      <table className="catalog-table">
        <thead>
          <tr>
            {selectable ? (
              <th className="w-8 pr-0">
                <input type="checkbox" data-select-all aria-label="Select every service on this page" />
              </th>
            ) : null}
            <th className="w-full">Service</th>
            {columns.map((c) => (
              <th key={c}>{COLUMN_LABELS[c]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.slug} data-testid={`service-row-${row.slug}`}>
              {selectable ? (
                <td>
                  <input
                    type="checkbox"
                    name="slug"
                    value={row.slug}
                    form={BULK_FORM}
                    aria-label={`Select ${row.name}`}
                  />
                </td>
              ) : null}
              <td>
                <span className="catalog-name">
                  <Link href={`/services/${row.slug}`}>{row.name}</Link>
                  {row.lifecycle && row.lifecycle !== "production" && !columns.includes("lifecycle") ? (
                    <Badge>{row.lifecycle}</Badge>
                  ) : null}
                  {row.archived ? <Badge tone="danger">archived</Badge> : null}
                </span>
                <span className="catalog-description">{row.about}</span>
              </td>
              {columns.map((c) => (
                // Only the columns globals.css styles are named.
                <td key={c} data-column={c === "owner" || c === "verified" ? c : undefined}>
                  <Cell column={c} row={row} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {unmeasured ? (
        // Said once here rather than in a tooltip on every badge.
        <p className="border-t px-4 py-2 text-xs text-muted-foreground" data-testid="unmeasured-legend">
          “Unmeasured” counts the rules of a level that nothing checks yet: no SLO or incident data exists in
          Pharos.
        </p>
      ) : null}
    </>
  );
}

function Cell({ column, row }: { column: CatalogColumn; row: TableRow }) {
  switch (column) {
    case "owner":
      return row.ownerSlug ? (
        <Link href={`/teams/${row.ownerSlug}`}>{row.ownerName}</Link>
      ) : (
        <small>Unowned</small>
      );
    case "tier":
      return row.tier ? <TierBadge tier={row.tier} /> : null;
    case "level":
      return row.level ? <LevelBadge level={row.level} unmeasured={row.unmeasured} titled={false} /> : null;
    case "verified":
      return row.stale ? (
        <span title={row.verifiedOn}>
          <Badge tone="warning">Stale</Badge> <small>{row.verifiedWords}</small>
        </span>
      ) : (
        <small title={row.verifiedOn}>{row.verifiedWords}</small>
      );
    case "lifecycle":
      return <span>{row.lifecycle}</span>;
    case "domain":
      return <span>{row.domain}</span>;
    case "tags":
      return row.tags?.length ? (
        <span className="inline-flex flex-wrap gap-1">
          {row.tags.slice(0, 3).map((t) => (
            <Badge key={t}>{t}</Badge>
          ))}
          {row.tags.length > 3 ? <small>+{row.tags.length - 3}</small> : null}
        </span>
      ) : (
        <small>—</small>
      );
  }
}
