import { BookOpenCheck } from "lucide-react";
import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Onboarding checklists" };

export default function Page() {
  return (
    <ComingSoon
      title="Onboarding checklists"
      icon={BookOpenCheck}
      what="Onboarding checklists generated from templates and your team's services, with mentor sign-off."
    />
  );
}
