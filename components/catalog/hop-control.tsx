import Link from "@/components/ui/link";
import { MAX_HOPS } from "@/lib/catalog/neighbourhood";
import { cn } from "@/lib/utils";

/**
 * How far the dependency graph reaches, as links (`?hops=N`): the choice is in the address,
 * so it survives a reload and can be shared, and it works before any script has loaded.
 */
export function HopControl({ slug, hops }: { slug: string; hops: number }) {
  return (
    <nav aria-label="Graph depth" className="inline-flex rounded-md border text-xs" data-testid="hop-control">
      {Array.from({ length: MAX_HOPS }, (_, i) => i + 1).map((n) => (
        <Link
          key={n}
          href={n === 1 ? `/services/${slug}` : `/services/${slug}?hops=${n}`}
          scroll={false}
          aria-current={n === hops ? "page" : undefined}
          className={cn(
            "px-2.5 py-1 first:rounded-l-md last:rounded-r-md hover:bg-accent",
            n === hops && "bg-accent font-semibold text-foreground",
            n !== hops && "text-muted-foreground",
          )}
        >
          {n} {n === 1 ? "hop" : "hops"}
        </Link>
      ))}
    </nav>
  );
}
