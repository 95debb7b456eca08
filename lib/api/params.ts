import { z } from "zod";
import { DATE_MESSAGES, parseIsoDate } from "@/lib/validation/date";
import { MAX_PAGE_SIZE } from "./paging";

/*
 * Building blocks for query-string and path parameters. Query strings arrive as text, so
 * numbers and flags are parsed here; a value that is not what it claims is a 400 naming
 * the parameter, never a silent default.
 */

const int = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `${name} must be a whole number.`)
    .transform(Number)
    // Out-of-range sizes are clamped, as list APIs usually do, rather than refused.
    .transform((n) => Math.min(max, Math.max(min, n)));

export function pagingQuery(defaultSize = 50) {
  return {
    page: int("page", 1, 1_000_000).default(1).describe("1-based page number"),
    pageSize: int("pageSize", 1, MAX_PAGE_SIZE)
      .default(defaultSize)
      .describe(`items per page, at most ${MAX_PAGE_SIZE}`),
  };
}

export function offsetOf(paging: { page: number; pageSize: number }) {
  return { ...paging, offset: (paging.page - 1) * paging.pageSize };
}

/** `true`/`1` or `false`/`0`; absent is false. */
export const flag = z
  .enum(["true", "false", "1", "0"], { message: "Use true or false." })
  .optional()
  .transform((v) => v === "true" || v === "1");

export const slugParam = z
  .string()
  .min(1, "Required: a slug of lower-case letters, digits and dashes.")
  .max(100)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "Not a slug: lower-case letters, digits and dashes.");

export const uuidParam = z.string().uuid("Not an id.");

/** A date or date-time within years 1970–9999, kept as sent (the query parses it the same way). */
export const dateParam = z
  .string()
  .max(40)
  .superRefine((value, ctx) => {
    const parsed = parseIsoDate(value);
    if (!parsed.ok) ctx.addIssue({ code: "custom", message: DATE_MESSAGES[parsed.problem] });
  });

export type Paging = { page: number; pageSize: number; offset: number };
