import Link from "@/components/ui/link";
import { cn } from "@/lib/utils";

/** Prev/next links that keep every other query parameter (filters live in the URL). */
export function Pagination({
  basePath,
  params,
  page,
  pageSize,
  total,
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  page: number;
  pageSize: number;
  total: number;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    if (p > 1) q.set("page", String(p));
    const s = q.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const linkClass = "rounded-md border px-3 py-1.5 text-sm hover:bg-accent";
  return (
    <nav
      aria-label="Pagination"
      className="flex flex-wrap items-center justify-between gap-2 px-3 py-3 text-sm"
    >
      <span className="text-muted-foreground">
        {first}–{last} of {total}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className={linkClass} href={href(page - 1)} rel="prev">
            Previous
          </Link>
        ) : (
          <span className={cn(linkClass, "pointer-events-none opacity-40")} aria-disabled>
            Previous
          </span>
        )}
        {page < pages ? (
          <Link className={linkClass} href={href(page + 1)} rel="next" prefetch>
            Next
          </Link>
        ) : (
          <span className={cn(linkClass, "pointer-events-none opacity-40")} aria-disabled>
            Next
          </span>
        )}
      </span>
    </nav>
  );
}
