import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

export type BadgeTone = "neutral" | "primary" | "healthy" | "warning" | "danger";

/** A small label; its styles are the `.badge` classes of globals.css (repeated on every row). */
export function Badge({
  className,
  tone = "neutral",
  ...props
}: ComponentProps<"span"> & { tone?: BadgeTone }) {
  return <span className={cn("badge", tone !== "neutral" && `badge-${tone}`, className)} {...props} />;
}
