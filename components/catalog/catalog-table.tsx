import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
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
  const facts = (s: Row) => ({ stale: !s.verifiedAt || s.verifiedAt.getTime() < staleBefore });
  return (
    <>
      <div className="hidden sm:block">
        <Table className="table-auto">
          <THead>
            <tr>
              {selectable ? (
                <TH className="w-8 pr-0">
                  <input
                    type="checkbox"
                    data-select-all
                    aria-label="Select every service on this page"
                    className="size-4 accent-primary"
                  />
                </TH>
              ) : null}
              <TH className="w-full">Service</TH>
              {columns.map((c) => (
                <TH key={c}>{COLUMN_LABELS[c]}</TH>
              ))}
            </tr>
          </THead>
          <tbody>
            {rows.map((s) => (
              <TR key={s.slug} data-testid={`service-row-${s.slug}`}>
                {selectable ? (
                  <TD className="pr-0">
                    <RowCheckbox row={s} />
                  </TD>
                ) : null}
                {/* max-w-0 + w-full: the service column takes what the others leave and clips its description. */}
                <TD className="max-w-0">
                  <ServiceName row={s} showLifecycle={!columns.includes("lifecycle")} />
                  <span className="block truncate text-xs text-muted-foreground">
                    {s.description || s.slug}
                  </span>
                </TD>
                {columns.map((c) => (
                  <TD
                    key={c}
                    className={
                      c === "owner"
                        ? "min-w-32 text-sm min-[1400px]:whitespace-nowrap"
                        : "whitespace-nowrap text-sm"
                    }
                  >
                    <Cell column={c} row={s} now={now} stale={facts(s).stale} />
                  </TD>
                ))}
              </TR>
            ))}
          </tbody>
        </Table>
      </div>
      <ul className="divide-y sm:hidden" aria-label="Services">
        {rows.map((s) => (
          <li key={s.slug} className="flex gap-3 px-4 py-3" data-testid={`service-card-${s.slug}`}>
            {selectable ? <RowCheckbox row={s} className="mt-1" /> : null}
            <div className="min-w-0 flex-1">
              <ServiceName row={s} showLifecycle={!columns.includes("lifecycle")} />
              <p className="line-clamp-2 text-xs text-muted-foreground">{s.description || s.slug}</p>
              <dl className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1.5 text-xs">
                {columns.map((c) => (
                  <div key={c} className="flex items-center gap-1">
                    <dt className="sr-only">{COLUMN_LABELS[c]}</dt>
                    <dd>
                      <Cell column={c} row={s} now={now} stale={facts(s).stale} />
                    </dd>
                  </div>
                ))}
              </dl>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

function RowCheckbox({ row, className }: { row: Row; className?: string }) {
  return (
    <input
      type="checkbox"
      name="slug"
      value={row.slug}
      form={BULK_FORM}
      aria-label={`Select ${row.name}`}
      className={`size-4 accent-primary ${className ?? ""}`}
    />
  );
}

function ServiceName({ row, showLifecycle }: { row: Row; showLifecycle: boolean }) {
  return (
    <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <Link href={`/services/${row.slug}`} prefetch={false} className="font-medium hover:underline">
        {row.name}
      </Link>
      {showLifecycle && row.lifecycle !== "production" ? <Badge>{row.lifecycle}</Badge> : null}
      {row.archivedAt ? <Badge tone="danger">archived</Badge> : null}
    </span>
  );
}

function Cell({ column, row, now, stale }: { column: CatalogColumn; row: Row; now: Date; stale: boolean }) {
  switch (column) {
    case "owner":
      return row.teamSlug ? (
        <Link className="hover:underline" href={`/teams/${row.teamSlug}`} prefetch={false}>
          {row.teamName}
        </Link>
      ) : (
        <span className="text-muted-foreground">Unowned</span>
      );
    case "tier":
      return <TierBadge tier={row.tier} />;
    case "level":
      return <LevelBadge level={row.scorecardLevel} />;
    case "verified":
      return stale ? (
        <span className="inline-flex items-center gap-1.5" title={row.verifiedAt?.toISOString()}>
          <Badge tone="warning">Stale</Badge>
          <span className="text-xs text-muted-foreground">
            {row.verifiedAt ? relativeTime(row.verifiedAt, now) : "never verified"}
          </span>
        </span>
      ) : (
        <span className="text-xs" title={row.verifiedAt?.toISOString()}>
          {relativeTime(row.verifiedAt, now)}
        </span>
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
          {row.tags.length > 3 ? (
            <span className="text-xs text-muted-foreground">+{row.tags.length - 3}</span>
          ) : null}
        </span>
      ) : (
        <span className="text-muted-foreground">—</span>
      );
  }
}
