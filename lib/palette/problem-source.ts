import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import type { ProblemState } from "@/db/schema/incidents";
import { PROBLEM_STATE_LABELS } from "@/lib/incidents/problem-states";
import { likeEscape } from "./catalog-source";
import type { PaletteSource } from "./types";

/** PRB-12, prb12 or 12: the number a person types for a problem. */
const problemNumber = (q: string) => {
  const m = /^(?:prb-?\s*)?(\d{1,9})$/i.exec(q.trim());
  return m ? Number(m[1]) : -1;
};

/** Problems by number (PRB-12, 12) or title words; open ones first, then the most recently changed. */
export const problemsSource: PaletteSource = {
  group: "Problems",
  permission: "incident.read",
  async search(db, _actor, q) {
    const number = problemNumber(q);
    const rows = rowsOf<{
      id: string;
      number: number;
      title: string;
      state: ProblemState;
      service: string | null;
    }>(
      await db.execute(sql`
        select p.id, p.number, p.title, p.state, s.slug as service
        from problems p left join services s on s.id = p.service_id
        where p.number = ${number} or p.title ilike ${likeEscape(q)}
        order by p.number = ${number} desc, p.state not in ('resolved', 'risk_accepted') desc, p.updated_at desc
        limit 5`),
    );
    return rows.map((p) => ({
      id: `problem:${p.id}`,
      label: `PRB-${p.number} ${p.title}`,
      hint: [PROBLEM_STATE_LABELS[p.state], p.service].filter(Boolean).join(" · "),
      href: `/problems/${p.id}`,
    }));
  },
};
