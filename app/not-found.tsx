import { Compass } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import Link from "@/components/ui/link";

export default function NotFound() {
  return (
    <main className="grid min-h-dvh place-items-center px-4">
      <EmptyState icon={Compass} title="Page not found">
        <p>
          Nothing lives at this address.{" "}
          <Link href="/" className="text-primary underline">
            Go home
          </Link>
        </p>
      </EmptyState>
    </main>
  );
}
