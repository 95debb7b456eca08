import { z } from "zod";
import { optional, slugField, uuidField } from "@/lib/admin/schemas";
import { CATALOG_COLUMNS } from "@/lib/catalog/columns";
import { line } from "@/lib/validation/text";

/** Any subset, stored and shown in the canonical order whatever order it was ticked in. */
const catalogColumnsInput = z
  .array(z.enum(CATALOG_COLUMNS, { error: "Unknown column." }))
  .transform((cols) => CATALOG_COLUMNS.filter((c) => cols.includes(c)));

/** The lists that can be saved as views; the check constraint on saved_views agrees. */
export const VIEW_LISTS = ["catalog"] as const;

const columns = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  catalogColumnsInput,
);

export const saveViewInput = z.object({
  list: z.enum(VIEW_LISTS, { error: "Unknown list." }).default("catalog"),
  name: line(60, { label: "Name", required: "Give the view a name." }),
  /** A team slug shares the view with that team's members; empty keeps it private. */
  team: optional(slugField),
  /** The list's filters as a query string (`tier=tier0&stale=1`); normalised before it is kept. */
  query: z.string().max(2000, "The filters are too long to save.").default(""),
  columns,
});

export const deleteViewInput = z.object({ id: uuidField });

export const setColumnsInput = z.object({ columns });
