import { Card } from "@/components/ui/card";

/** The shape of a list page while it loads (heading, filters, rows), so it does not jump. */
export function ListSkeleton({ label, rows = 6 }: { label: string; rows?: number }) {
  return (
    <div aria-busy="true">
      <span className="sr-only">{label}</span>
      <div className="mb-2 h-8 w-48 animate-pulse rounded bg-muted" />
      <div className="mb-6 h-4 w-full max-w-xl animate-pulse rounded bg-muted" />
      <div className="mb-4 flex gap-3">
        <div className="h-9 w-36 animate-pulse rounded bg-muted" />
        <div className="h-9 w-36 animate-pulse rounded bg-muted" />
      </div>
      <Card>
        <div className="divide-y">
          {Array.from({ length: rows }, (_, i) => (
            <div key={i} className="flex items-center gap-3 px-4 py-3">
              <div className="h-4 flex-1 animate-pulse rounded bg-muted" />
              <div className="hidden h-4 w-24 animate-pulse rounded bg-muted sm:block" />
              <div className="h-4 w-16 animate-pulse rounded bg-muted" />
            </div>
          ))}
        </div>
      </Card>
    </div>
  );
}
