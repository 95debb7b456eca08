import { Slot } from "@radix-ui/react-slot";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

export type ButtonVariant = "default" | "destructive" | "outline" | "ghost" | "link";
export type ButtonSize = "default" | "sm" | "lg" | "icon";

/**
 * A button's classes: `.btn` (globals.css) is the default look, a variant or a size class
 * changes it. Named classes rather than utility strings because every page repeats its
 * buttons in its markup and again in its RSC payload; a utility passed in `className`
 * still wins (`.btn` sits in the components layer).
 */
export function buttonVariants({
  variant,
  size,
}: {
  variant?: ButtonVariant | null;
  size?: ButtonSize | null;
} = {}) {
  return cn(
    "btn",
    variant && variant !== "default" && `btn-${variant}`,
    size && size !== "default" && `btn-${size}`,
  );
}

export function Button({
  className,
  variant,
  size,
  asChild = false,
  ...props
}: ComponentProps<"button"> & {
  variant?: ButtonVariant | null;
  size?: ButtonSize | null;
  asChild?: boolean;
}) {
  const Comp = asChild ? Slot : "button";
  return <Comp className={cn(buttonVariants({ variant, size }), className)} {...props} />;
}
