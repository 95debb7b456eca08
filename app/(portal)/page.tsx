import type { Metadata } from "next";
import { Fragment, type ReactNode } from "react";
import { AdminShortcuts } from "@/components/home/admin-shortcuts";
import { MyActionItems } from "@/components/home/my-action-items";
import { MyIncidents } from "@/components/home/my-incidents";
import { MyTeams } from "@/components/home/my-teams";
import { ReadinessOverview } from "@/components/home/readiness-overview";
import { WorkQueue } from "@/components/home/work-queue";
import { Forbidden } from "@/components/shell/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import type { Role } from "@/db/schema/enums";
import { homePageRead } from "@/lib/home/reads";
import type { HomeSection } from "@/lib/home/sections";
import type { QueryOutput } from "@/lib/query/define";
import { pageQuery } from "@/lib/query/page";

export const metadata: Metadata = { title: "Home" };

const HOMES: Record<Role, { title: string; description: string }> = {
  viewer: {
    title: "Reliability at a glance",
    description: "How ready the organisation's services are for production, by tier and by team.",
  },
  engineer: {
    title: "My work",
    description: "The incidents you are on, your action items, and what your teams' services need.",
  },
  change_manager: {
    title: "Change control",
    description: "How ready the organisation's services are, and what your own teams' services need.",
  },
  admin: {
    title: "My work",
    description: "Your incidents and action items, your teams' services, and the platform's administration.",
  },
};

type Home = QueryOutput<typeof homePageRead>;

/** Each section of a home, drawn from its part of the read (lib/home/sections.ts lists them per role). */
const SECTIONS: Record<HomeSection, (home: Home) => ReactNode> = {
  "admin-shortcuts": () => <AdminShortcuts />,
  readiness: (home) => (home.readiness ? <ReadinessOverview readiness={home.readiness} /> : null),
  "work-queue": (home) =>
    home.queue ? <WorkQueue queue={home.queue} onTeams={home.myTeams.length > 0} /> : null,
  "my-teams": (home) => <MyTeams teams={home.myTeams} />,
  "my-incidents": (home) => (home.myIncidents ? <MyIncidents items={home.myIncidents} /> : null),
  "my-action-items": (home) => (home.actionItems ? <MyActionItems mine={home.actionItems} /> : null),
};

/** Home depends on the role (DESIGN.md); `?as=role` opens another role's home. */
export default async function HomePage({ searchParams }: PageProps<"/">) {
  const read = await pageQuery(homePageRead, await searchParams);
  if (!read.ok) return <Forbidden what="the home page" />;
  const home = read.data;
  const { title, description } = HOMES[home.role];
  return (
    <>
      <PageHeader title={title} description={description} />
      <div className="grid gap-6">
        {home.sections.map((section) => (
          <Fragment key={section}>{SECTIONS[section](home)}</Fragment>
        ))}
      </div>
    </>
  );
}
