import { Activity } from "lucide-react";
import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "SLOs" };

export default function Page() {
  return (
    <ComingSoon
      title="SLOs"
      icon={Activity}
      what="Define SLOs with error budgets, burn-rate alerts and OpenSLO import. Until then, services and teams are in the catalog."
    />
  );
}
