import type { LucideIcon } from "lucide-react";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

/** A domain whose issue has not landed yet: say so plainly rather than show fake data. */
export function ComingSoon({ title, icon, what }: { title: string; icon: LucideIcon; what: string }) {
  return (
    <>
      <PageHeader title={title} />
      <Card>
        <EmptyState icon={icon} title={`${title} are coming soon`}>
          {what}
        </EmptyState>
      </Card>
    </>
  );
}
