import { EmptyState } from "@/components/ui/empty-state";
import Link from "@/components/ui/link";

// Next puts this element into every page's RSC payload (the boundary's fallback), so it is
// kept small: an icon class rather than a lucide component (whose SVG data would travel too).
// Not a client component: that would cost every first visit one more chunk.
export default function NotFound() {
  return (
    <main className="grid min-h-dvh place-items-center px-4">
      <EmptyState icon="i-compass" title="Page not found">
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
