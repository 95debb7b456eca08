import type { Metadata } from "next";
import { AdminShortcuts } from "@/components/home/admin-shortcuts";
import { CatalogOverview } from "@/components/home/catalog-overview";
import { MyTeams } from "@/components/home/my-teams";
import { PendingDomains } from "@/components/home/pending-domains";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import type { Role } from "@/db/schema/enums";
import { homePageRead } from "@/lib/home/reads";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "Home" };

const HOMES: Record<Role, { title: string; description: string }> = {
  viewer: { title: "Reliability at a glance", description: "The organisation's services by tier and owner." },
  engineer: { title: "My work", description: "Your teams, their services, and what needs you." },
  change_manager: {
    title: "Change control",
    description: "The approval queue and this week's calendar, beside your teams.",
  },
  admin: { title: "My work", description: "Your teams and the platform's administration." },
};

/** Home depends on the role (DESIGN.md); `?as=role` opens another role's home. */
export default async function HomePage({ searchParams }: PageProps<"/">) {
  const read = await pageQuery(homePageRead, await searchParams);
  if (!read.ok) return <Forbidden what="the home page" />;
  const { role, summary, myTeams } = read.data;
  const home = HOMES[role];
  return (
    <>
      <PageHeader title={home.title} description={home.description} />
      <div className="grid gap-6">
        {role === "admin" ? <AdminShortcuts /> : null}
        {role === "viewer" ? <CatalogOverview summary={summary} /> : <MyTeams teams={myTeams} />}
        {role !== "viewer" ? <CatalogOverview summary={summary} /> : null}
        <PendingDomains role={role} />
      </div>
    </>
  );
}
