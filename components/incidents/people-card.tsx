import { ActionButton } from "@/components/ui/action-button";
import { dateTime } from "@/lib/format";
import { leaveIncidentAction } from "@/lib/incidents/actions";
import type { IncidentDetail } from "@/lib/incidents/detail";
import { ROLE_LABELS } from "@/lib/incidents/present";
import { JoinForm } from "./join-form";

/** Who holds which role now, who did before, and (for responders) seating someone. */
export function PeopleCard({
  incident,
  mayUpdate,
  me,
}: {
  incident: IncidentDetail;
  mayUpdate: boolean;
  me: string;
}) {
  const seated = incident.participants.filter((p) => !p.leftAt);
  const past = incident.participants.filter((p) => p.leftAt);
  const active =
    incident.status === "open" || incident.status === "mitigated" || incident.status === "resolved";
  return (
    <div className="grid gap-3">
      <ul className="grid gap-2" data-testid="people">
        {seated.map((p) => (
          <li key={p.id} className="flex items-center justify-between gap-2 text-sm">
            <span>
              <span className="font-medium">{p.name}</span>
              <span className="block text-xs text-muted-foreground">
                {ROLE_LABELS[p.role]} · since {dateTime(p.joinedAt)}
              </span>
            </span>
            {mayUpdate && p.role !== "commander" ? (
              <ActionButton
                action={leaveIncidentAction}
                fields={{ id: incident.id, participantId: p.id }}
                label="Leave"
                variant="ghost"
              />
            ) : null}
          </li>
        ))}
      </ul>
      {past.length ? (
        <details className="text-xs text-muted-foreground">
          <summary className="cursor-pointer">Earlier ({past.length})</summary>
          <ul className="mt-1 grid gap-1">
            {past.map((p) => (
              <li key={p.id}>
                {p.name} · {ROLE_LABELS[p.role]} · {dateTime(p.joinedAt)} – {dateTime(p.leftAt)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {mayUpdate && active ? <JoinForm id={incident.id} me={me} /> : null}
    </div>
  );
}
