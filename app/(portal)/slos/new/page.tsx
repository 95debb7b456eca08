import type { Metadata } from "next";
import { Forbidden } from "@/components/shell/forbidden";
import { SloForm } from "@/components/slo/slo-form";
import { Card } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { pageQuery } from "@/lib/query/page";
import { sloNewPageRead } from "@/lib/slo/page-reads";

export const metadata: Metadata = { title: "Define an SLO" };

export default async function NewSloPage({ searchParams }: PageProps<"/slos/new">) {
  const { service } = await searchParams;
  const read = await pageQuery(sloNewPageRead, {
    service: typeof service === "string" ? service : undefined,
  });
  if (!read.ok)
    return <Forbidden what="defining SLOs for this service (only its owning team and admins may)" />;
  const { service: s } = read.data;
  return (
    <>
      <PageHeader
        title="Define an SLO"
        description={
          <>
            On{" "}
            <Link href={`/services/${s.slug}`} className="text-primary hover:underline">
              {s.name}
            </Link>
            . Push measurements afterwards with a token of scope <code>slo:measurements</code> (see the API
            reference).
          </>
        }
      />
      <Card className="max-w-4xl p-6">
        <SloForm
          mode="create"
          initial={{
            service: s.slug,
            sliKind: "ratio",
            targetPercent: "99.9",
            windowType: "rolling",
            windowDays: "30",
            calendarUnit: "month",
            timeZone: "UTC",
            budgeting: "occurrences",
            sliceMinutes: "5",
            sliceTargetPercent: "95",
            minEvents: "50",
          }}
        />
      </Card>
    </>
  );
}
