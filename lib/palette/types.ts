import type { Queryable } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";

/** One thing the ⌘K palette can jump to. */
export type PaletteItem = { id: string; label: string; hint?: string; href: string };

/**
 * A domain's contribution to the palette: what it finds for the typed text, behind its own
 * read permission. The catalog gives services and teams; SLOs, incidents, changes and people
 * add theirs to PALETTE_SOURCES and nothing else changes.
 */
export type PaletteSource = {
  group: string;
  permission: Permission;
  search: (db: Queryable, actor: Actor, q: string) => Promise<PaletteItem[]>;
};
