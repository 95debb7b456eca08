import { CalendarClock } from "lucide-react";
import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Changes" };

export default function Page() {
  return (
    <ComingSoon
      title="Changes"
      icon={CalendarClock}
      what="Request, approve and schedule changes on a calendar that knows about freezes, conflicts and error budgets."
    />
  );
}
