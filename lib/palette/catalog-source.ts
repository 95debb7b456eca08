import { asc, ilike, or, sql } from "drizzle-orm";
import { services, teams } from "@/db/schema";
import { catalogSearch } from "@/lib/catalog/queries";
import type { PaletteSource } from "./types";

const LIMIT = 7;

/** `%`, `_` and `\` typed by a person are letters, not patterns. */
export const likeEscape = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Services as the catalog's own search finds them (full text, then similar names for typos). */
export const servicesSource: PaletteSource = {
  group: "Services",
  permission: "catalog.read",
  async search(db, _actor, q) {
    const found = await catalogSearch(
      db,
      { slug: services.slug, name: services.name, tier: services.tier, teamName: teams.name },
      { q, sort: "name" },
      { offset: 0, pageSize: LIMIT },
    );
    return found.items.map((s) => ({
      id: `service:${s.slug}`,
      label: s.name,
      hint: [s.tier.replace("tier", "Tier "), s.teamName ?? "Unowned", found.similar ? "similar name" : null]
        .filter(Boolean)
        .join(" · "),
      href: `/services/${s.slug}`,
    }));
  },
};

export const teamsSource: PaletteSource = {
  group: "Teams",
  permission: "catalog.read",
  async search(db, _actor, q) {
    const pattern = likeEscape(q);
    const rows = await db
      .select({ slug: teams.slug, name: teams.name })
      .from(teams)
      .where(or(ilike(teams.name, pattern), ilike(teams.slug, pattern)))
      .orderBy(sql`position(lower(${q}) in lower(${teams.name})) = 1 desc`, asc(teams.name))
      .limit(5);
    return rows.map((t) => ({ id: `team:${t.slug}`, label: t.name, hint: t.slug, href: `/teams/${t.slug}` }));
  },
};
