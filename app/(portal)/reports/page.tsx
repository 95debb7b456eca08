import { ChartColumn } from "lucide-react";
import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Reports" };

export default function Page() {
  return (
    <ComingSoon
      title="Reports"
      icon={ChartColumn}
      what="Reliability scorecards, DORA metrics and incident trends for executives."
    />
  );
}
