import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  type ActionStatus,
  type ActionType,
  actionItems,
  incidentEvents,
  incidents,
  type PostmortemStatus,
  postmortemReviewers,
  postmortems,
} from "@/db/schema/incidents";
import type { SeededIncident } from "./demo-incidents";

type Person = { id: string; email: string; name: string };
const MIN = 60_000;
const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** `n` weekdays after `t` (the demo's own copy of the postmortem due-date rule). */
function weekdaysAfter(t: number, n: number) {
  let d = t;
  let left = n;
  while (left > 0) {
    d += DAY;
    const wd = new Date(d).getUTCDay();
    if (wd !== 0 && wd !== 6) left -= 1;
  }
  return d;
}

const REVIEWERS = ["admin@pharos.demo", "oliver.grant@pharos.demo", "nadia.haddad@pharos.demo"];

const ITEMS: { title: (cause: string) => string; type: ActionType }[] = [
  { title: (c) => `Add an alert that catches ${c} before users do`, type: "prevent" },
  { title: () => "Write the runbook step we improvised", type: "process" },
  { title: (c) => `Reduce the blast radius of ${c}`, type: "mitigate" },
];

/**
 * Postmortems for the major incidents (and a few minor ones): old ones published and their
 * incidents closed, recent ones in review or draft, one sev2 left without a postmortem
 * past its due date; each with action items, some done, some overdue.
 */
export async function seedDemoPostmortems(
  tx: Tx,
  rng: () => number,
  seeded: SeededIncident[],
  person: Map<string, Person>,
  now: Date,
) {
  const t = now.getTime();
  const resolved = seeded.filter((i) => i.resolvedAt);
  const overdueGap = resolved
    .filter((i) => i.severity === "sev2" && t - (i.resolvedAt as Date).getTime() > 10 * DAY)
    .at(-1);
  // The latest major ones are still being written and reviewed, whatever the calendar says.
  const majors = resolved.filter((i) => (i.severity === "sev1" || i.severity === "sev2") && i !== overdueGap);
  const [inReview, draft] = majors.slice(-2);
  for (const incident of resolved) {
    const resolvedAt = (incident.resolvedAt as Date).getTime();
    const age = (t - resolvedAt) / DAY;
    const major = incident.severity === "sev1" || incident.severity === "sev2";
    const wanted = major ? incident !== overdueGap : rngPick(rng, 0.25);
    if (!wanted) {
      if (!major && age > 3) await close(tx, incident.id, resolvedAt + (1 + rng() * 2) * DAY, t);
      continue;
    }
    const status: PostmortemStatus =
      incident === draft
        ? "draft"
        : incident === inReview
          ? "in_review"
          : age > 20
            ? "published"
            : age > 8
              ? rng() < 0.5
                ? "published"
                : "in_review"
              : age > 2
                ? "in_review"
                : "draft";
    const due = weekdaysAfter(resolvedAt, 5);
    const publishedAt = status === "published" ? Math.min(t - DAY, resolvedAt + (3 + rng() * 5) * DAY) : null;
    const author = incident.commanderId;
    const cause = incident.pattern?.cause ?? "the failure";
    const [pm] = await tx
      .insert(postmortems)
      .values({
        incidentId: incident.id,
        status,
        summary: `${incident.pattern?.title ?? "Incident"} on ${isoDay(incident.declaredAt.getTime())}; resolved after ${Math.round((resolvedAt - incident.declaredAt.getTime()) / MIN)} minutes.`,
        impact: "- Users saw errors or slow responses on the affected journeys.\n- No data was lost.",
        rootCauses: `The immediate cause was **${cause}**. Contributing factors:\n\n1. No alert fired before users were affected.\n2. The runbook did not cover this failure mode.`,
        trigger: `A ${cause} on ${incident.pattern?.services[0] ?? "the service"}.`,
        resolution: incident.pattern?.notes.at(-1) ?? "Rolled back.",
        detection: "Detected by the SLO burn-rate page.",
        wentWell: "- The on-call was paged within minutes.\n- The rollback path worked as documented.",
        wentWrong: "- Diagnosis took longer than the fix.\n- The status page was updated late.",
        lucky: "It happened outside peak hours.",
        links: [{ label: "Dashboard", url: "https://grafana.pharos.demo/d/incident-review" }],
        authorId: author,
        dueOn: isoDay(due),
        publishedAt: publishedAt ? new Date(publishedAt) : null,
        createdAt: new Date(resolvedAt + DAY),
        updatedAt: new Date(publishedAt ?? resolvedAt + DAY),
      })
      .returning({ id: postmortems.id });
    const reviewers = REVIEWERS.map((e) => person.get(e))
      .filter((p): p is Person => Boolean(p && p.id !== author))
      .slice(0, major ? 2 : 1);
    if (status !== "draft")
      await tx.insert(postmortemReviewers).values(
        reviewers.map((r, i) => ({
          postmortemId: pm.id,
          userId: r.id,
          approvedAt:
            status === "published"
              ? new Date((publishedAt as number) - (i + 1) * 60 * MIN)
              : i === 0 && rng() < 0.5
                ? new Date(t - DAY)
                : null,
          comment: status === "published" ? "Clear and blameless; the action items cover the gaps." : "",
        })),
      );
    const owners = [...person.values()].filter(
      (p) => p.email.endsWith("@pharos.demo") && p.email !== "viewer@pharos.demo",
    );
    const count = 1 + Math.floor(rng() * ITEMS.length);
    await tx.insert(actionItems).values(
      ITEMS.slice(0, count).map((item, i) => {
        const dueOn = resolvedAt + (10 + i * 10 + rng() * 20) * DAY;
        // The gateway is the demo's gold example: its team keeps its action items on time.
        const punctual = incident.pattern?.services[0] === "api-gateway";
        const itemStatus: ActionStatus =
          dueOn < t
            ? rng() < 0.75 || punctual
              ? "done"
              : rng() < 0.5
                ? "wont_do"
                : "open"
            : rng() < 0.3
              ? "in_progress"
              : "open";
        return {
          postmortemId: pm.id,
          title: item.title(cause),
          ownerId: (incident.severity === "sev2" && i === 0
            ? person.get("engineer@pharos.demo")
            : owners[Math.floor(rng() * owners.length)]
          )?.id,
          serviceId: incident.serviceIds[0],
          dueOn: isoDay(dueOn),
          type: item.type,
          priority: i === 0 && major ? ("p1" as const) : ("p2" as const),
          status: itemStatus,
          wontDoReason: itemStatus === "wont_do" ? "Superseded by the platform-wide alerting rework." : null,
          ticketUrl: i === 0 ? `https://jira.pharos.demo/browse/REL-${100 + Math.floor(rng() * 900)}` : null,
          doneAt: itemStatus === "done" ? new Date(Math.min(t, dueOn - DAY)) : null,
          createdAt: new Date(resolvedAt + DAY),
        };
      }),
    );
    if (publishedAt) {
      await tx.insert(incidentEvents).values({
        incidentId: incident.id,
        kind: "update",
        occurredAt: new Date(publishedAt),
        createdAt: new Date(publishedAt),
        body: "Postmortem published.",
        authorId: author,
        authorLabel: "pharos",
      });
      await close(tx, incident.id, publishedAt + 30 * MIN, t);
    }
  }
}

const rngPick = (rng: () => number, p: number) => rng() < p;

async function close(tx: Tx, id: string, at: number, now: number) {
  const closedAt = new Date(Math.min(at, now - MIN));
  await tx.update(incidents).set({ status: "closed", closedAt }).where(eq(incidents.id, id));
  await tx.insert(incidentEvents).values({
    incidentId: id,
    kind: "status",
    occurredAt: closedAt,
    createdAt: closedAt,
    body: "Status resolved → closed.",
    data: { from: "resolved", to: "closed" },
    authorLabel: "pharos",
  });
}
