import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
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

export function CatalogTable({ rows, now }: { rows: Row[]; now: Date }) {
  const staleBefore = now.getTime() - STALE_AFTER_DAYS * 86_400_000;
  return (
    <Table>
      <THead>
        <tr>
          <TH>Service</TH>
          <TH>Owner</TH>
          <TH>Tier</TH>
          <TH className="hidden 2xl:table-cell">Domain</TH>
          <TH>Readiness</TH>
          <TH className="hidden md:table-cell">Verified</TH>
        </tr>
      </THead>
      <tbody>
        {rows.map((s) => {
          const stale = !s.verifiedAt || s.verifiedAt.getTime() < staleBefore;
          return (
            <TR key={s.slug} data-testid={`service-row-${s.slug}`}>
              <TD className="max-w-md">
                <Link href={`/services/${s.slug}`} className="font-medium hover:underline">
                  {s.name}
                </Link>
                {s.lifecycle !== "production" ? <Badge className="ml-2">{s.lifecycle}</Badge> : null}
                {s.archivedAt ? (
                  <Badge tone="danger" className="ml-2">
                    archived
                  </Badge>
                ) : null}
                <span className="block truncate text-xs text-muted-foreground">
                  {s.description || s.slug}
                </span>
              </TD>
              <TD className="whitespace-nowrap text-sm">
                {s.teamSlug ? (
                  <Link className="hover:underline" href={`/teams/${s.teamSlug}`}>
                    {s.teamName}
                  </Link>
                ) : (
                  <span className="text-muted-foreground">Unowned</span>
                )}
              </TD>
              <TD>
                <TierBadge tier={s.tier} />
              </TD>
              <TD className="hidden text-sm 2xl:table-cell">{s.domain}</TD>
              <TD>
                <LevelBadge level={s.scorecardLevel} />
              </TD>
              <TD className="hidden whitespace-nowrap text-xs md:table-cell">
                {stale ? (
                  <Badge tone="warning">
                    Stale · {s.verifiedAt ? relativeTime(s.verifiedAt, now) : "never"}
                  </Badge>
                ) : (
                  relativeTime(s.verifiedAt, now)
                )}
              </TD>
            </TR>
          );
        })}
      </tbody>
    </Table>
  );
}
