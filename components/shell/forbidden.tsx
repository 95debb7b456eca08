import { ShieldX } from "lucide-react";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import Link from "@/components/ui/link";

export function Forbidden({ what = "this page" }: { what?: string }) {
  return (
    <Card>
      <EmptyState icon={ShieldX} title="You don't have access">
        <p data-testid="forbidden">
          Your role cannot open {what}. If you need it, ask an admin.{" "}
          <Link href="/" className="text-primary underline">
            Go home
          </Link>
        </p>
      </EmptyState>
    </Card>
  );
}
