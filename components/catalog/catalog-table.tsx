import { Badge } from "@/components/ui/badge";
import Link from "@/components/ui/link";
import { BULK_FORM } from "@/lib/catalog/bulk";
import { type CatalogColumn, COLUMN_LABELS } from "@/lib/catalog/columns";
import { STALE_AFTER_DAYS } from "@/lib/catalog/list-filter";
import { relativeTime } from "@/lib/format";
import { LevelBadge } from "./level-badge";
import { TierBadge } from "./tier-badge";

type Row = {
  slug: string;
  name: string;
  description: string;
  tier: "tier0" | "tier1" | "tier2" | "tier3";
  lifecycle: string;
  domain: string;
  tags: string[];
  scorecardLevel: string;
  verifiedAt: Date | null;
  archivedAt: Date | null;
  teamSlug: string | null;
  teamName: string | null;
};

type Props = { rows: Row[]; now: Date; columns: readonly CatalogColumn[]; selectable: boolean };

/**
 * The catalog list: a table from 640 px up, cards below it (a phone shows every fact of a
 * service without sideways scrolling). With `selectable`, each row has a checkbox that
 * belongs to the bulk-action form (BULK_FORM), wherever on the page that form is.
 */
export function CatalogTable({ rows, now, columns, selectable }: Props) {
  const staleBefore = now.getTime() - STALE_AFTER_DAYS * 86_400_000;
  const stale = (s: Row) => !s.verifiedAt || s.verifiedAt.getTime() < staleBefore;
  // One markup for both layouts (`.catalog-table` in globals.css): a row is a table row from
  // 640 px up and a card below it. Rendering a table and a card list would send every row twice.
  return (
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
        {rows.map((s) => (
          <tr key={s.slug} data-testid={`service-row-${s.slug}`}>
            {selectable ? (
              <td>
                <RowCheckbox row={s} />
              </td>
            ) : null}
            <td>
              <ServiceName row={s} showLifecycle={!columns.includes("lifecycle")} />
              <span className="catalog-description">{s.description || s.slug}</span>
            </td>
            {columns.map((c) => (
              <td key={c} data-column={c}>
                <Cell column={c} row={s} now={now} stale={stale(s)} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RowCheckbox({ row }: { row: Row }) {
  return (
    <input type="checkbox" name="slug" value={row.slug} form={BULK_FORM} aria-label={`Select ${row.name}`} />
  );
}

function ServiceName({ row, showLifecycle }: { row: Row; showLifecycle: boolean }) {
  return (
    <span className="catalog-name">
      <Link href={`/services/${row.slug}`}>{row.name}</Link>
      {showLifecycle && row.lifecycle !== "production" ? <Badge>{row.lifecycle}</Badge> : null}
      {row.archivedAt ? <Badge tone="danger">archived</Badge> : null}
    </span>
  );
}

function Cell({ column, row, now, stale }: { column: CatalogColumn; row: Row; now: Date; stale: boolean }) {
  switch (column) {
    case "owner":
      return row.teamSlug ? (
        <Link href={`/teams/${row.teamSlug}`}>{row.teamName}</Link>
      ) : (
        <small>Unowned</small>
      );
    case "tier":
      return <TierBadge tier={row.tier} />;
    case "level":
      return <LevelBadge level={row.scorecardLevel} />;
    case "verified":
      return stale ? (
        <span title={row.verifiedAt?.toISOString()}>
          <Badge tone="warning">Stale</Badge>{" "}
          <small>{row.verifiedAt ? relativeTime(row.verifiedAt, now) : "never verified"}</small>
        </span>
      ) : (
        <small title={row.verifiedAt?.toISOString()}>{relativeTime(row.verifiedAt, now)}</small>
      );
    case "lifecycle":
      return <span>{row.lifecycle}</span>;
    case "domain":
      return <span>{row.domain}</span>;
    case "tags":
      return row.tags.length ? (
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
