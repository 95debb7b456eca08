import { Card } from "@/components/ui/card";

/** The list's shape while problems and suggestions load, so the page does not jump. */
export default function ProblemsLoading() {
  return (
    <div aria-busy="true">
      <span className="sr-only">Loading problems…</span>
      <div className="mb-6 h-8 w-48 animate-pulse rounded bg-muted" />
      <Card className="mb-5">
        <div className="grid gap-2 p-4">
          <div className="h-4 w-2/3 animate-pulse rounded bg-muted" />
          <div className="h-4 w-1/2 animate-pulse rounded bg-muted" />
        </div>
      </Card>
      <Card>
        <div className="divide-y">
          {[0, 1, 2, 3].map((i) => (
            <div key={i} className="flex items-center gap-3 px-3 py-3">
              <div className="h-4 flex-1 animate-pulse rounded bg-muted" />
              <div className="h-5 w-20 animate-pulse rounded-full bg-muted" />
              <div className="hidden h-4 w-24 animate-pulse rounded bg-muted sm:block" />
            </div>
          ))}
        </div>
      </Card>
    </div>
  );
}
