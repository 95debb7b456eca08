import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

// The looks are `.card*` in globals.css: a page of cards repeats them in its markup and again
// in its RSC payload, and a utility passed in `className` still wins over them.

export function Card({ className, ...props }: ComponentProps<"section">) {
  return <section className={cn("card", className)} {...props} />;
}

export function CardHeader({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("card-header", className)} {...props} />;
}

export function CardTitle({ className, ...props }: ComponentProps<"h2">) {
  return <h2 className={cn("card-title", className)} {...props} />;
}

export function CardBody({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("card-body", className)} {...props} />;
}
