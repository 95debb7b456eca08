import { z } from "zod";
import { hasControlCharacters } from "@/lib/validation/text";

/*
 * Query-string parameters as pages read them. People edit page URLs by hand and follow old
 * links, so a value a page cannot use counts as absent (that filter is dropped, the page
 * number falls back to 1) rather than failing the whole page. The REST API is stricter and
 * refuses such values with a 400 naming the parameter (lib/api/params.ts).
 */

/**
 * One text parameter; a repeated parameter (an array) or one holding a control character
 * (PostgreSQL refuses a NUL outright) is absent.
 */
export const pageText = z.preprocess(
  (v) => (typeof v === "string" && !hasControlCharacters(v) ? v : undefined),
  z.string().optional(),
);

/** A path segment that names a service or team; anything that is not a slug names nothing (404). */
export const pageSlug = z.preprocess(
  (v) => (typeof v === "string" && /^[a-z0-9][a-z0-9-]{0,99}$/.test(v) ? v : undefined),
  z.string().optional(),
);

/** A 1-based page number: anything that is not one is page 1, and huge numbers are clamped. */
export const pageNumber = z
  .preprocess((v) => {
    const n = typeof v === "string" && /^\d{1,12}$/.test(v.trim()) ? Number(v.trim()) : Number.NaN;
    return Number.isFinite(n) ? Math.min(1_000_000, Math.max(1, n)) : 1;
  }, z.number().int().min(1))
  .default(1);

/** What `pageQuery` gets from a page's `searchParams`: every parameter, as Next delivers it. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The offset of a page of `pageSize` rows. */
export function pageWindow(page: number, pageSize: number) {
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/** One of `values`, or absent: a stale filter value falls back to "all". */
export const pageEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .optional()
    .transform((v) => ((values as readonly string[]).includes(v ?? "") ? (v as T[number]) : undefined));

/** A day from a date input (YYYY-MM-DD), or absent. */
export const pageDay = z
  .string()
  .optional()
  .transform((v) =>
    v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? v : undefined,
  );
