import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import Link from "@/components/ui/link";
import type { IncidentDetail } from "@/lib/incidents/detail";
import { IncidentTimeline } from "./incident-timeline";

/**
 * The incident's timeline beside its postmortem, read from the incident each time (never
 * copied), so a correction made on the incident shows here too.
 */
export function PostmortemTimelineCard({ incident }: { incident: Pick<IncidentDetail, "id" | "timeline"> }) {
  return (
    <Card data-testid="postmortem-timeline">
      <CardHeader>
        <CardTitle>Timeline</CardTitle>
        <Link href={`/incidents/${incident.id}`} className="text-xs text-primary hover:underline">
          Correct it on the incident
        </Link>
      </CardHeader>
      <CardBody>
        <IncidentTimeline events={incident.timeline} />
      </CardBody>
    </Card>
  );
}
