import { cn } from "@/lib/utils";

/** A lucide icon by its utility class (`i-boxes`), painted from the stylesheet: see `.icon`. */
export type IconName = `i-${string}`;

/**
 * Decorative unless given a `label`, which makes it an image with that name. Costs a class
 * name on the page, where a lucide component costs its SVG in the markup and, rendered by
 * a server component, its path data again in the RSC payload.
 */
export function Icon({ name, label, className }: { name: IconName; label?: string; className?: string }) {
  return label ? (
    <span role="img" aria-label={label} className={cn("icon", name, className)} />
  ) : (
    <span aria-hidden className={cn("icon", name, className)} />
  );
}
