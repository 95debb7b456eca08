import { ScrollText } from "lucide-react";
import type { Metadata } from "next";
import { AuditChange } from "@/components/admin/audit-change";
import { AuditEntity } from "@/components/admin/audit-entity";
import { Forbidden } from "@/components/shell/forbidden";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/input";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { entityTypeLabel } from "@/lib/admin/audit-entity-labels";
import { auditPageRead } from "@/lib/admin/reads";
import { dateTime } from "@/lib/format";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: PageProps<"/admin/audit">) {
  const read = await pageQuery(auditPageRead, await searchParams);
  if (!read.ok) return <Forbidden what="the audit log" />;
  const { params, filtered, paging, items, total, facets } = read.data;
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every write in Pharos, append-only, with who, when and what changed."
      />
      <form className="mb-4 grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4 lg:items-end 2xl:grid-cols-7">
        <FilterInput id="actor" label="Actor" value={params.actor} placeholder="email or cli" />
        <div className="grid gap-1">
          <label htmlFor="action" className="text-xs font-medium text-muted-foreground">
            Action
          </label>
          <Select id="action" name="action" defaultValue={params.action ?? ""}>
            <option value="">Any action</option>
            {facets.actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </Select>
        </div>
        <div className="grid gap-1">
          <label htmlFor="entityType" className="text-xs font-medium text-muted-foreground">
            Entity
          </label>
          <Select id="entityType" name="entityType" defaultValue={params.entityType ?? ""}>
            <option value="">Any entity</option>
            {facets.entityTypes.map((a) => (
              <option key={a} value={a}>
                {entityTypeLabel(a)}
              </option>
            ))}
          </Select>
        </div>
        <FilterInput id="entityId" label="Entity id" value={params.entityId} />
        <FilterInput id="from" label="From" value={params.from} type="date" />
        <FilterInput id="to" label="To" value={params.to} type="date" />
        <div className="flex gap-2">
          <Button type="submit" variant="outline">
            Apply
          </Button>
          {filtered ? (
            <Button asChild variant="ghost">
              <Link href="/admin/audit">Clear</Link>
            </Button>
          ) : null}
        </div>
      </form>
      <Card>
        {items.length ? (
          <>
            {/* On a phone each entry stacks into two columns instead of scrolling sideways. */}
            <Table className="max-md:block">
              <THead>
                <tr className="max-md:hidden">
                  <TH>When</TH>
                  <TH>Actor</TH>
                  <TH>Action</TH>
                  <TH>Entity</TH>
                  <TH>Change</TH>
                </tr>
              </THead>
              <tbody className="max-md:block">
                {items.map((row) => (
                  <TR
                    key={row.id}
                    data-testid="audit-row"
                    className="max-md:grid max-md:grid-cols-2 max-md:py-1"
                  >
                    <TD className="whitespace-nowrap align-top text-xs tabular-nums">{dateTime(row.at)}</TD>
                    <TD className="align-top text-xs">
                      {row.actorLabel}
                      <Badge className="ml-1">{row.via}</Badge>
                      {row.mintedByLabel ? (
                        <span className="block text-muted-foreground" data-testid="audit-minted-by">
                          via a token minted by {row.mintedByLabel}
                        </span>
                      ) : null}
                    </TD>
                    <TD className="align-top">
                      <code className="text-xs">{row.action}</code>
                    </TD>
                    <TD className="align-top text-xs">
                      <AuditEntity entity={row.entity} />
                    </TD>
                    <TD className="align-top max-md:col-span-2 md:min-w-72">
                      <AuditChange before={row.before} after={row.after} />
                    </TD>
                  </TR>
                ))}
              </tbody>
            </Table>
            <Pagination
              basePath="/admin/audit"
              params={params}
              page={paging.page}
              pageSize={paging.pageSize}
              total={total}
            />
          </>
        ) : (
          <EmptyState icon={ScrollText} title={filtered ? "No entries match" : "Nothing recorded yet"}>
            {filtered
              ? "Widen the dates or clear a filter."
              : "Writes appear here as soon as anyone makes one."}
          </EmptyState>
        )}
      </Card>
    </>
  );
}

function FilterInput({
  id,
  label,
  value,
  type = "text",
  placeholder,
}: {
  id: string;
  label: string;
  value?: string;
  type?: string;
  placeholder?: string;
}) {
  return (
    <div className="grid gap-1">
      <label htmlFor={id} className="text-xs font-medium text-muted-foreground">
        {label}
      </label>
      <Input id={id} name={id} type={type} defaultValue={value} placeholder={placeholder} />
    </div>
  );
}
