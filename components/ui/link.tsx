import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * Every in-app link. Next prefetches each link as it scrolls into view, which on the
 * catalog meant ~40 background requests per page load (every facet, row, tag and nav
 * entry) for pages mostly never opened. Here prefetching is opt-in: pass `prefetch` where
 * a click is likely next (the next page of a list).
 */
export default function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
