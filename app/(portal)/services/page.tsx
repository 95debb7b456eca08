import { Boxes } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { TierBadge } from "@/components/catalog/tier-badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { TIERS, type Tier } from "@/db/schema/enums";
import { listTeams } from "@/lib/admin/queries";
import { parsePaging } from "@/lib/api/paging";
import { requireActor } from "@/lib/auth/session";
import { listServices, teamsOfUser } from "@/lib/catalog/queries";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesPage({ searchParams }: PageProps<"/services">) {
  const actor = await requireActor();
  const raw = await searchParams;
  const param = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : undefined);
  const q = param("q")?.trim().slice(0, 200);
  const team = param("team");
  const tier = TIERS.includes(param("tier") as Tier) ? (param("tier") as Tier) : undefined;
  const mine = param("mine") === "1";
  const paging = parsePaging(new URLSearchParams({ page: param("page") ?? "1" }), 25);
  const db = getDb();
  const myTeamIds = mine ? (await teamsOfUser(db, actor.user.id)).map((t) => t.id) : undefined;
  const [{ items, total }, teams] = await Promise.all([
    listServices(db, { q, team, tier, mine: myTeamIds }, paging),
    listTeams(db),
  ]);
  const filtered = Boolean(q || team || tier || mine);
  return (
    <>
      <PageHeader title="Services" description="Every service in the catalog, its owner and its tier." />
      <form className="mb-4 flex flex-wrap items-end gap-2">
        <div className="grid min-w-48 flex-1 gap-1">
          <label htmlFor="q" className="text-xs font-medium text-muted-foreground">
            Search
          </label>
          <Input id="q" name="q" defaultValue={q} placeholder="Name, slug or description" />
        </div>
        <div className="grid gap-1">
          <label htmlFor="team" className="text-xs font-medium text-muted-foreground">
            Team
          </label>
          <Select id="team" name="team" defaultValue={team ?? ""}>
            <option value="">All teams</option>
            {teams.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="grid gap-1">
          <label htmlFor="tier" className="text-xs font-medium text-muted-foreground">
            Tier
          </label>
          <Select id="tier" name="tier" defaultValue={tier ?? ""}>
            <option value="">All tiers</option>
            {TIERS.map((t) => (
              <option key={t} value={t}>
                {t.replace("tier", "Tier ")}
              </option>
            ))}
          </Select>
        </div>
        <label className="flex h-9 items-center gap-2 text-sm">
          <input type="checkbox" name="mine" value="1" defaultChecked={mine} className="size-4" /> My teams
        </label>
        <Button type="submit" variant="outline">
          Apply
        </Button>
        {filtered ? (
          <Button asChild variant="ghost">
            <Link href="/services">Clear</Link>
          </Button>
        ) : null}
      </form>
      <Card>
        {items.length ? (
          <>
            <Table>
              <THead>
                <tr>
                  <TH>Service</TH>
                  <TH>Owner</TH>
                  <TH>Tier</TH>
                  <TH className="hidden md:table-cell">Domain</TH>
                  <TH className="hidden md:table-cell">Lifecycle</TH>
                  <TH className="hidden text-right sm:table-cell">Depends on</TH>
                </tr>
              </THead>
              <tbody>
                {items.map((s) => (
                  <TR key={s.slug}>
                    <TD>
                      <span className="font-medium">{s.name}</span>
                      <span className="block max-w-md truncate text-xs text-muted-foreground">
                        {s.description}
                      </span>
                    </TD>
                    <TD className="whitespace-nowrap">
                      {s.teamSlug ? (
                        <Link className="hover:underline" href={`/teams/${s.teamSlug}`}>
                          {s.teamName}
                        </Link>
                      ) : (
                        "—"
                      )}
                    </TD>
                    <TD>
                      <TierBadge tier={s.tier} />
                    </TD>
                    <TD className="hidden md:table-cell">{s.domain}</TD>
                    <TD className="hidden md:table-cell">{s.lifecycle}</TD>
                    <TD className="hidden text-right tabular-nums sm:table-cell">{s.dependencies}</TD>
                  </TR>
                ))}
              </tbody>
            </Table>
            <Pagination
              basePath="/services"
              params={{ q, team, tier, mine: mine ? "1" : undefined }}
              page={paging.page}
              pageSize={paging.pageSize}
              total={total}
            />
          </>
        ) : (
          <EmptyState icon={Boxes} title={filtered ? "No service matches these filters" : "No services yet"}>
            {filtered ? (
              <Link href="/services" className="text-primary underline">
                Clear the filters
              </Link>
            ) : (
              "Services appear here once they are registered or imported."
            )}
          </EmptyState>
        )}
      </Card>
    </>
  );
}
