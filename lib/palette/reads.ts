import "server-only";
import { z } from "zod";
import { can } from "@/lib/auth/actor";
import { defineQuery } from "@/lib/query/define";
import { hasControlCharacters } from "@/lib/validation/text";
import { PALETTE_SOURCES } from "./sources";
import type { PaletteItem } from "./types";

export type PaletteGroups = { group: string; items: PaletteItem[] }[];

/**
 * What the ⌘K palette finds for the typed text: each source the caller may read, side by
 * side. The query's own permission is only "signed in"; every source checks its own.
 */
export const paletteRead = defineQuery({
  name: "palette.search",
  permission: "profile.read",
  // Text with control characters matches nothing (and PostgreSQL refuses a NUL): search for nothing.
  input: z.object({
    q: z
      .string()
      .trim()
      .max(100, "Search for at most 100 characters.")
      .transform((q) => (hasControlCharacters(q) ? "" : q)),
  }),
  async run({ db, actor }, { q }): Promise<PaletteGroups> {
    if (!q) return [];
    const sources = PALETTE_SOURCES.filter((s) => can(actor, s.permission));
    const found = await Promise.all(sources.map((s) => s.search(db, actor, q)));
    return sources.map((s, i) => ({ group: s.group, items: found[i] })).filter((g) => g.items.length);
  },
});
