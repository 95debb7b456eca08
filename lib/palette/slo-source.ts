import { and, asc, eq, ilike, isNull, or, sql } from "drizzle-orm";
import { services } from "@/db/schema/catalog";
import { slos } from "@/db/schema/slo";
import { percent } from "@/lib/slo/definition";
import { likeEscape } from "./catalog-source";
import type { PaletteSource } from "./types";

/** SLOs by their own name or their service's, names that start with the text first. */
export const slosSource: PaletteSource = {
  group: "SLOs",
  permission: "slo.read",
  async search(db, _actor, q) {
    const pattern = likeEscape(q);
    const rows = await db
      .select({ id: slos.id, name: slos.name, target: slos.target, service: services.name })
      .from(slos)
      .innerJoin(services, eq(services.id, slos.serviceId))
      .where(
        and(
          isNull(services.archivedAt),
          or(ilike(slos.name, pattern), ilike(services.name, pattern), ilike(services.slug, pattern)),
        ),
      )
      .orderBy(sql`position(lower(${q}) in lower(${slos.name})) = 1 desc`, asc(services.name), asc(slos.name))
      .limit(5);
    return rows.map((s) => ({
      id: `slo:${s.id}`,
      label: s.name,
      hint: `${s.service} · ${percent(s.target)}`,
      href: `/slos/${s.id}`,
    }));
  },
};
