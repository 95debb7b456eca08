import { Puzzle } from "lucide-react";
import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Problems" };

export default function Page() {
  return (
    <ComingSoon
      title="Problems"
      icon={Puzzle}
      what="Group incidents into problems with root causes, workarounds and known errors."
    />
  );
}
