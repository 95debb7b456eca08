import type { Severity } from "@/db/schema/incidents";

/*
 * What goes wrong in the demo organisation, and how often: each pattern is an incident that
 * recurs on its services with its cause. The repeats are what problems and problem
 * suggestions are made of; the severities follow the services' tiers.
 */

export type IncidentPattern = {
  services: string[];
  title: string;
  cause: string;
  severities: Severity[];
  /** Relative frequency over the year. */
  weight: number;
  notes: string[];
};

export const INCIDENT_PATTERNS: IncidentPattern[] = [
  {
    services: ["payments-api"],
    title: "Card authorisations failing for Visa",
    cause: "upstream provider outage",
    severities: ["sev1", "sev2"],
    weight: 2,
    notes: [
      "Provider status page confirms degraded authorisations in EU.",
      "Routed Visa traffic to the secondary acquirer.",
    ],
  },
  {
    services: ["payments-api", "ledger"],
    title: "Payment latency above 2 s",
    cause: "database connection pool exhaustion",
    severities: ["sev2", "sev3"],
    weight: 3,
    notes: ["Pool saturated at 200/200 connections.", "Raised the pool limit and recycled the slowest pods."],
  },
  {
    services: ["checkout-api"],
    title: "Elevated 5xx on checkout after deploy",
    cause: "bad deploy",
    severities: ["sev2", "sev3"],
    weight: 4,
    notes: [
      "Error rate rose within two minutes of the 14:02 rollout.",
      "Rolled back to the previous release.",
    ],
  },
  {
    services: ["auth-service", "sso-federation"],
    title: "SSO logins failing with signature errors",
    cause: "expired certificate",
    severities: ["sev1", "sev2"],
    weight: 1.5,
    notes: [
      "IdP metadata shows the signing certificate expired at 00:00 UTC.",
      "Uploaded the renewed certificate; logins recovering.",
    ],
  },
  {
    services: ["api-gateway"],
    title: "TLS handshake failures at the gateway",
    cause: "expired certificate",
    severities: ["sev2"],
    weight: 1.5,
    notes: ["Clients report certificate has expired.", "Deployed the renewed wildcard certificate."],
  },
  {
    services: ["api-gateway", "cdn-edge"],
    title: "Gateway 502s on /v2 routes",
    cause: "config change",
    severities: ["sev2", "sev3"],
    weight: 2,
    notes: ["A route table change dropped the /v2 upstream.", "Reverted the route change."],
  },
  {
    services: ["postgres-primary"],
    title: "Replication lag on postgres-primary",
    cause: "disk saturation",
    severities: ["sev2", "sev3"],
    weight: 2,
    notes: ["Replica lag at 14 minutes and rising.", "Throttled the nightly vacuum; lag draining."],
  },
  {
    services: ["redis-cache"],
    title: "Cache evictions spiking",
    cause: "capacity",
    severities: ["sev3", "sev4"],
    weight: 3,
    notes: ["Memory at 98 %, evictions at 12k/s.", "Scaled the cluster out by two shards."],
  },
  {
    services: ["event-bus"],
    title: "Event bus consumer lag",
    cause: "capacity",
    severities: ["sev3", "sev4"],
    weight: 3,
    notes: ["Consumer group settlement-workers 40 minutes behind.", "Added partitions and consumers."],
  },
  {
    services: ["search-index"],
    title: "Search results stale",
    cause: "pipeline failure",
    severities: ["sev3", "sev4"],
    weight: 2,
    notes: [
      "Indexer stopped at 03:10 with an out-of-memory kill.",
      "Restarted the indexer with more memory; reindexing.",
    ],
  },
  {
    services: ["notification-hub", "mfa-sms"],
    title: "SMS one-time codes delayed",
    cause: "upstream provider outage",
    severities: ["sev2", "sev3"],
    weight: 1.5,
    notes: ["SMS provider queueing messages for 6+ minutes.", "Failed over to the backup SMS provider."],
  },
  {
    services: ["storefront-web"],
    title: "Storefront blank page for Safari users",
    cause: "bad deploy",
    severities: ["sev3"],
    weight: 1.5,
    notes: ["A new bundle used a syntax Safari 15 does not parse.", "Rolled back the frontend bundle."],
  },
  {
    services: ["data-warehouse", "etl-scheduler"],
    title: "Nightly ETL missed its window",
    cause: "pipeline failure",
    severities: ["sev4"],
    weight: 2,
    notes: ["Finance dashboards show yesterday's numbers.", "Re-ran the failed DAG."],
  },
];

/** The one incident open now: a sev2 on checkout, being worked. */
export const OPEN_INCIDENT = {
  services: ["checkout-api", "payments-api"],
  title: "Checkout errors in EU",
  severity: "sev2" as Severity,
  description:
    "Customers in the EU see “Something went wrong” at the payment step. Error rate on checkout-api ~8 % since the impact start.",
};

export const DEMO_NOTES = [
  "Paged the on-call; investigating.",
  "Dashboards show the error rate flattening.",
  "Posted an update on the status page.",
  "Customer support reports a rise in tickets.",
  "Confirmed no data loss.",
];
