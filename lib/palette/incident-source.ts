import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { incidentReference } from "@/lib/incidents/patch-rules";
import { likeEscape } from "./catalog-source";
import type { PaletteSource } from "./types";

/** Incidents by number (INC-42, 42) or title words; active ones first, then the latest. */
export const incidentsSource: PaletteSource = {
  group: "Incidents",
  permission: "incident.read",
  async search(db, _actor, q) {
    const ref = incidentReference(q);
    const number = ref && "number" in ref ? ref.number : -1;
    const rows = rowsOf<{ id: string; number: number; title: string; severity: string; status: string }>(
      await db.execute(sql`
        select id, number, title, severity, status from incidents
        where number = ${number} or title ilike ${likeEscape(q)}
        order by number = ${number} desc, status in ('open', 'mitigated') desc, declared_at desc
        limit 5`),
    );
    return rows.map((i) => ({
      id: `incident:${i.id}`,
      label: `INC-${i.number} ${i.title}`,
      hint: `${i.severity.toUpperCase()} · ${i.status}`,
      href: `/incidents/${i.id}`,
    }));
  },
};
