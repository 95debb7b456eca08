import { Card } from "@/components/ui/card";

/** The table's shape while the sessions load, so the page does not jump. */
export default function SessionsLoading() {
  return (
    <div aria-busy="true">
      <span className="sr-only">Loading sessions…</span>
      <div className="mb-6 h-8 w-40 animate-pulse rounded bg-muted" />
      <Card>
        <div className="divide-y">
          {[0, 1, 2].map((i) => (
            <div key={i} className="flex items-center gap-3 px-3 py-3">
              <div className="size-4 animate-pulse rounded bg-muted" />
              <div className="h-4 flex-1 animate-pulse rounded bg-muted" />
              <div className="hidden h-4 w-24 animate-pulse rounded bg-muted sm:block" />
              <div className="h-8 w-14 animate-pulse rounded bg-muted" />
            </div>
          ))}
        </div>
      </Card>
    </div>
  );
}
