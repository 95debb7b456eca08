import { z } from "zod";

/*
 * Every event a webhook can be sent, with its payload's schema: `emitEvent` parses the
 * payload against it, docs/webhooks.md describes it, the admin page offers it. A domain adds
 * its events (`incident.declared`, `change.approved`) by adding entries here.
 */

const isoTime = z.iso.datetime({ offset: true });

/** The SLO an event is about, named as a person would find it. */
const sloRef = z.object({
  id: z.uuid(),
  name: z.string(),
  serviceSlug: z.string(),
});

const alert = z.object({
  /** The alert's own id: `fired` and `resolved` of one alert carry the same one. */
  id: z.uuid(),
  /** Which multiwindow rule fired, e.g. "page-1h-5m". */
  rule: z.string(),
  severity: z.enum(["page", "ticket"]),
  firedAt: isoTime,
  resolvedAt: isoTime.optional(),
  /** The numbers the rule judged: both windows' burn rates against its threshold. */
  burnRate: z.object({ long: z.number(), short: z.number() }),
  threshold: z.number(),
  windows: z.object({ long: z.string(), short: z.string() }),
});

const budget = z.object({
  /** 1 − (1 − SLI)/(1 − target): 1 untouched, 0 spent, negative overspent; null once the window holds no data. */
  remaining: z.number().nullable(),
});

/** The incident an event is about, as a responder's tooling needs it to route and show it. */
const incident = z.object({
  id: z.uuid(),
  /** The short reference: INC-42 is number 42. */
  number: z.number().int(),
  title: z.string(),
  severity: z.enum(["sev1", "sev2", "sev3", "sev4"]),
  status: z.enum(["open", "mitigated", "resolved", "closed", "cancelled", "duplicate"]),
  services: z.array(z.string()),
  commander: z.string().nullable(),
  declaredAt: isoTime,
  resolvedAt: isoTime.nullable(),
  version: z.number().int(),
});

export type EventSpec = { description: string; payload: z.ZodObject; subscribable: boolean };

export const WEBHOOK_EVENTS = {
  "slo.alert.fired": {
    description: "A burn-rate alert on an SLO fired.",
    payload: z.object({ slo: sloRef, alert }),
    subscribable: true,
  },
  "slo.alert.resolved": {
    description: "A burn-rate alert on an SLO resolved (its resolvedAt is set).",
    payload: z.object({ slo: sloRef, alert: alert.required({ resolvedAt: true }) }),
    subscribable: true,
  },
  "slo.budget_freeze.entered": {
    description: "An SLO's error budget ran out: its service is in budget freeze.",
    payload: z.object({ slo: sloRef, budget }),
    subscribable: true,
  },
  "slo.budget_freeze.left": {
    description: "An SLO's error budget is positive again: its service left budget freeze.",
    payload: z.object({ slo: sloRef, budget }),
    subscribable: true,
  },
  "incident.declared": {
    description: "An incident was declared.",
    payload: z.object({ incident }),
    subscribable: true,
  },
  "incident.updated": {
    description:
      "An incident changed: status, severity, services, commander, times or title. `changed` lists the fields.",
    payload: z.object({ incident, changed: z.array(z.string()) }),
    subscribable: true,
  },
  "incident.resolved": {
    description: "An incident was resolved (sent beside the `incident.updated` of the same change).",
    payload: z.object({ incident }),
    subscribable: true,
  },
  "postmortem.published": {
    description: "An incident's postmortem was published after its reviewers approved it.",
    payload: z.object({
      incident,
      postmortem: z.object({ id: z.uuid(), summary: z.string(), publishedAt: isoTime, url: z.string() }),
    }),
    subscribable: true,
  },
  ping: {
    description: "A test delivery an admin sent from Pharos; every webhook may receive it.",
    payload: z.object({ message: z.string(), webhookId: z.uuid() }),
    subscribable: false,
  },
} as const satisfies Record<string, EventSpec>;

export type WebhookEventType = keyof typeof WEBHOOK_EVENTS;
/** What `emitEvent` takes for `T`: the payload before parsing (times as ISO strings). */
export type WebhookEventPayload<T extends WebhookEventType> = z.input<(typeof WEBHOOK_EVENTS)[T]["payload"]>;

/** The events a webhook may subscribe to (not `ping`, which goes to one webhook on request). */
export const SUBSCRIBABLE_EVENTS = (Object.keys(WEBHOOK_EVENTS) as WebhookEventType[]).filter(
  (type) => WEBHOOK_EVENTS[type].subscribable,
);
