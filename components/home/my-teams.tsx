import { Users } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import Link from "@/components/ui/link";

export function MyTeams({ teams }: { teams: { slug: string; name: string; memberRole: string }[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>My teams</CardTitle>
        {teams.length ? (
          <Link href="/services?mine=1" className="text-sm text-primary hover:underline">
            My teams' services
          </Link>
        ) : null}
      </CardHeader>
      {teams.length ? (
        <ul className="divide-y">
          {teams.map((t) => (
            <li key={t.slug} className="flex items-center justify-between px-4 py-2.5">
              <Link href={`/teams/${t.slug}`} className="font-medium hover:underline">
                {t.name}
              </Link>
              {t.memberRole === "lead" ? <Badge tone="primary">Lead</Badge> : null}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState icon={Users} title="You are not on a team yet">
          An admin adds you to teams; until then you can browse every{" "}
          <Link className="text-primary underline" href="/teams">
            team
          </Link>
          .
        </EmptyState>
      )}
    </Card>
  );
}
