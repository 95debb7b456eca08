import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { type HopGraph, MAX_HOPS } from "./neighbourhood";

/** Services sent per column: more than the graph draws (it groups and caps), few enough to keep the page light. */
export const PER_COLUMN = 30;

/**
 * Everything within `hops` (1–3) of a service in both directions, in one statement: two
 * bounded recursive walks, the services of each column most critical first (tier, then
 * name), and the edges from each column to the next one out.
 *
 * The walks use UNION over (service, hop) rather than tracking paths: the depth bound alone
 * stops a cycle, and a hub with thousands of dependents then costs a row per service and
 * hop, not one per path through it. A service is placed at its shortest distance; the
 * centre itself is never a neighbour, even when a cycle leads back to it.
 */
export async function dependencyNeighbourhood(
  db: Queryable,
  { serviceId, hops }: { serviceId: string; hops: number },
): Promise<HopGraph> {
  const depth = Math.min(MAX_HOPS, Math.max(1, Math.trunc(hops)));
  const result = await db.execute(sql`
    with recursive
    up(id, hop) as (
      select depends_on_id, 1 from service_dependencies where service_id = ${serviceId}::uuid
      union
      select d.depends_on_id, up.hop + 1
      from up join service_dependencies d on d.service_id = up.id
      where up.hop < ${depth}::int
    ),
    down(id, hop) as (
      select service_id, 1 from service_dependencies where depends_on_id = ${serviceId}::uuid
      union
      select d.service_id, down.hop + 1
      from down join service_dependencies d on d.depends_on_id = down.id
      where down.hop < ${depth}::int
    ),
    reached(side, id, hop) as (
      select 'up', id, min(hop) from up where id <> ${serviceId}::uuid group by id
      union all
      select 'down', id, min(hop) from down where id <> ${serviceId}::uuid group by id
    ),
    ranked as (
      select r.side, r.hop, s.id, s.slug, s.name, s.tier, t.slug as team_slug, t.name as team_name,
        row_number() over (partition by r.side, r.hop order by s.tier, s.name, s.slug) as place,
        count(*) over (partition by r.side, r.hop) as total
      from reached r
      join services s on s.id = r.id
      left join teams t on t.id = s.owner_team_id
    ),
    shown as (select * from ranked where place <= ${PER_COLUMN}::int),
    placed(side, hop, id, slug) as (
      select side, hop, id, slug from shown
      union all
      select side, 0, s.id, s.slug from services s, (values ('up'), ('down')) as sides(side)
      where s.id = ${serviceId}::uuid
    )
    select
      (select coalesce(json_agg(json_build_object(
          'slug', slug, 'name', name, 'tier', tier, 'teamSlug', team_slug, 'teamName', team_name,
          'side', side, 'hop', hop) order by side desc, hop, place), '[]'::json)
        from shown) as nodes,
      (select coalesce(json_agg(json_build_array(a.slug, b.slug, a.side) order by a.side, a.hop, a.slug, b.slug), '[]'::json)
        from service_dependencies d
        join placed a on a.id = d.service_id
        join placed b on b.id = d.depends_on_id and b.side = a.side
        where (a.side = 'up' and b.hop = a.hop + 1) or (a.side = 'down' and a.hop = b.hop + 1)) as edges,
      (select coalesce(json_agg(json_build_object('side', side, 'hop', hop, 'total', total)
          order by side desc, hop), '[]'::json)
        from (select distinct side, hop, total from ranked) c) as columns`);
  // postgres.js answers with the rows themselves, PGlite with an object holding them.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    nodes: HopGraph["nodes"];
    edges: HopGraph["edges"];
    columns: (HopGraph["columns"][number] & { total: number | string })[];
  }[];
  const [row] = rows;
  return {
    hops: depth,
    nodes: row.nodes,
    edges: row.edges,
    // count(*) is a bigint, which json carries as a number; Number() keeps the type honest either way.
    columns: row.columns.map((c) => ({ ...c, total: Number(c.total) })),
  };
}
