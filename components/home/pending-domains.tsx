import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import type { Role } from "@/db/schema/enums";

const BY_ROLE: Record<Role, string[]> = {
  viewer: ["SLO attainment and error budgets by tier", "Incident trends (MTTR, MTTD) and DORA metrics"],
  engineer: [
    "Your services' SLOs and budget burn",
    "Your open incidents and action items",
    "Your change requests",
    "Your onboarding checklist",
  ],
  change_manager: [
    "Changes waiting for your approval",
    "This week's change calendar with freezes and conflicts",
  ],
  admin: [
    "Your services' SLOs and budget burn",
    "Your open incidents and action items",
    "Your change requests",
  ],
};

/** Names what this home will show once the SLO, incident and change domains land. */
export function PendingDomains({ role }: { role: Role }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Arriving with the next domains</CardTitle>
      </CardHeader>
      <CardBody>
        <ul className="list-disc space-y-1 pl-5 text-sm text-muted-foreground">
          {BY_ROLE[role].map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}
