import { Siren } from "lucide-react";
import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Incidents" };

export default function Page() {
  return (
    <ComingSoon
      title="Incidents"
      icon={Siren}
      what="Declare and work incidents, keep the timeline, and write blameless postmortems."
    />
  );
}
