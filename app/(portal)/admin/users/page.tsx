import { UserPlus, Users } from "lucide-react";
import type { Metadata } from "next";
import { UserRowActions } from "@/components/admin/user-row-actions";
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
import { ROLES } from "@/db/schema/enums";
import { usersPageRead } from "@/lib/admin/reads";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { relativeTime } from "@/lib/format";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: PageProps<"/admin/users">) {
  const read = await pageQuery(usersPageRead, await searchParams);
  if (!read.ok) return <Forbidden what="user administration" />;
  const { filter, paging, items, total } = read.data;
  const { q, role, status } = filter;
  return (
    <>
      <PageHeader
        title="Users"
        description="Roles decide what people may do everywhere in Pharos."
        actions={
          <Button asChild>
            <Link href="/admin/users/new">
              <UserPlus aria-hidden /> Invite user
            </Link>
          </Button>
        }
      />
      <form className="mb-4 flex flex-wrap items-end gap-2">
        <div className="grid min-w-48 flex-1 gap-1">
          <label htmlFor="q" className="text-xs font-medium text-muted-foreground">
            Search
          </label>
          <Input id="q" name="q" defaultValue={q} placeholder="Name or email" />
        </div>
        <div className="grid gap-1">
          <label htmlFor="role" className="text-xs font-medium text-muted-foreground">
            Role
          </label>
          <Select id="role" name="role" defaultValue={role ?? ""}>
            <option value="">All roles</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        </div>
        <div className="grid gap-1">
          <label htmlFor="status" className="text-xs font-medium text-muted-foreground">
            Status
          </label>
          <Select id="status" name="status" defaultValue={status ?? ""}>
            <option value="">Any status</option>
            <option value="active">Active</option>
            <option value="deactivated">Deactivated</option>
          </Select>
        </div>
        <Button type="submit" variant="outline">
          Apply
        </Button>
      </form>
      <Card>
        {items.length ? (
          <>
            <Table>
              <THead>
                <tr>
                  <TH>Person</TH>
                  <TH>Role</TH>
                  <TH className="hidden md:table-cell">Teams</TH>
                  <TH className="hidden lg:table-cell">Last sign-in</TH>
                  <TH className="w-12 text-right">
                    <span className="sr-only">Actions</span>
                  </TH>
                </tr>
              </THead>
              <tbody>
                {items.map((u) => (
                  <TR key={u.id} data-testid={`user-row-${u.email}`}>
                    <TD>
                      <span className="font-medium">{u.name}</span>
                      <span className="block text-xs text-muted-foreground">{u.email}</span>
                      <span className="mt-1 flex gap-1">
                        {u.deactivatedAt ? <Badge tone="danger">Deactivated</Badge> : null}
                        {!u.hasPassword && u.authProvider === "password" && !u.deactivatedAt ? (
                          <Badge tone="warning">Invited</Badge>
                        ) : null}
                        {u.authProvider === "oidc" ? <Badge>SSO</Badge> : null}
                      </span>
                      {u.deactivatedAt ? null : (
                        <Link
                          href={`/admin/tokens?owner=${encodeURIComponent(u.email)}`}
                          className="mt-1 inline-block text-xs text-primary underline-offset-4 hover:underline"
                          aria-label={`API tokens of ${u.email}`}
                        >
                          API tokens
                        </Link>
                      )}
                    </TD>
                    <TD>{ROLE_LABELS[u.role]}</TD>
                    <TD className="hidden text-xs md:table-cell">
                      {u.teams.length
                        ? u.teams.map((t, i) => (
                            <span key={t.slug}>
                              {i ? ", " : null}
                              <Link href={`/teams/${t.slug}`} className="underline-offset-4 hover:underline">
                                {t.name}
                              </Link>
                            </span>
                          ))
                        : "—"}
                    </TD>
                    <TD className="hidden text-xs text-muted-foreground lg:table-cell">
                      {relativeTime(u.lastLoginAt)}
                    </TD>
                    <TD className="text-right">
                      <UserRowActions
                        user={{
                          id: u.id,
                          email: u.email,
                          role: u.role,
                          deactivated: Boolean(u.deactivatedAt),
                          invited: !u.hasPassword && u.authProvider === "password",
                        }}
                        self={u.self}
                      />
                    </TD>
                  </TR>
                ))}
              </tbody>
            </Table>
            <Pagination
              basePath="/admin/users"
              params={{ q, role, status }}
              page={paging.page}
              pageSize={paging.pageSize}
              total={total}
            />
          </>
        ) : (
          <EmptyState icon={Users} title="No user matches">
            Try another search or clear the filters.
          </EmptyState>
        )}
      </Card>
    </>
  );
}
