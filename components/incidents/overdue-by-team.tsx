import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import Link from "@/components/ui/link";
import { plural } from "@/lib/plural";

type Row = { team: { slug: string; name: string } | null; overdue: number };

/**
 * Overdue action items per team (the team owning each item's service), most first: who has
 * late follow-up work. Each team opens the list filtered to its overdue items.
 */
export function OverdueByTeam({ rows }: { rows: Row[] }) {
  const total = rows.reduce((n, r) => n + r.overdue, 0);
  return (
    <Card className="mb-5" data-testid="overdue-by-team">
      <CardHeader>
        <CardTitle>Overdue by team</CardTitle>
        <span className="text-xs text-muted-foreground">
          {total ? plural(total, { one: "overdue item", other: "overdue items" }) : "Nothing overdue"}
        </span>
      </CardHeader>
      {rows.length ? (
        <CardBody>
          <ul className="flex flex-wrap gap-2">
            {rows.map((r) => (
              <li key={r.team?.slug ?? "none"}>
                {r.team ? (
                  <Link href={`/action-items?team=${r.team.slug}&overdue=1`} className="team-overdue">
                    <span>{r.team.name}</span>
                    <strong>{r.overdue}</strong>
                  </Link>
                ) : (
                  <span className="team-overdue" title="Items on no service, or on a service no team owns">
                    <span>No owning team</span>
                    <strong>{r.overdue}</strong>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </CardBody>
      ) : (
        <CardBody className="text-sm text-muted-foreground">Every team's action items are on time.</CardBody>
      )}
    </Card>
  );
}
