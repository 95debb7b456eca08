import type { Role } from "@/db/schema/enums";

/** The demo password for the four documented demo logins. Demo only: production seeds nothing. */
export const DEMO_PASSWORD = "pharos-demo-2026";

export const DEMO_TEAMS = [
  {
    slug: "platform",
    name: "Platform Infrastructure",
    description: "Kubernetes, compute, storage and the paved road every team deploys on.",
  },
  {
    slug: "payments",
    name: "Payments",
    description: "Card authorisation, settlement, refunds and the ledger.",
  },
  {
    slug: "identity",
    name: "Identity & Access",
    description: "Sign-in, sessions, SSO federation and authorisation.",
  },
  {
    slug: "checkout",
    name: "Checkout Experience",
    description: "Cart, pricing, promotions and the storefront checkout flow.",
  },
  {
    slug: "data",
    name: "Data Platform",
    description: "Databases, streaming, the warehouse and the feature store.",
  },
  { slug: "edge", name: "Edge & Networking", description: "DNS, CDN, load balancers, WAF and service mesh." },
  {
    slug: "observability",
    name: "Observability",
    description: "Metrics, logs, traces and the alerting pipeline.",
  },
] as const;

type DemoUser = {
  email: string;
  name: string;
  role: Role;
  teams: string[];
  password?: boolean;
  lead?: string[];
};

/** One documented login per role (password = DEMO_PASSWORD) and colleagues who were invited. */
export const DEMO_USERS: DemoUser[] = [
  { email: "viewer@pharos.demo", name: "Morgan Ellis", role: "viewer", teams: [], password: true },
  {
    email: "engineer@pharos.demo",
    name: "Sam Rivera",
    role: "engineer",
    teams: ["payments", "checkout"],
    password: true,
  },
  {
    email: "changes@pharos.demo",
    name: "Priya Shah",
    role: "change_manager",
    teams: ["platform"],
    password: true,
  },
  {
    email: "admin@pharos.demo",
    name: "Alex Kim",
    role: "admin",
    teams: ["platform", "observability"],
    password: true,
  },
  {
    email: "jordan.okafor@pharos.demo",
    name: "Jordan Okafor",
    role: "engineer",
    teams: ["payments"],
    lead: ["payments"],
  },
  {
    email: "mei.tanaka@pharos.demo",
    name: "Mei Tanaka",
    role: "engineer",
    teams: ["identity"],
    lead: ["identity"],
  },
  { email: "luca.romano@pharos.demo", name: "Luca Romano", role: "engineer", teams: ["identity"] },
  {
    email: "nadia.haddad@pharos.demo",
    name: "Nadia Haddad",
    role: "engineer",
    teams: ["checkout"],
    lead: ["checkout"],
  },
  { email: "tom.becker@pharos.demo", name: "Tom Becker", role: "engineer", teams: ["data"], lead: ["data"] },
  {
    email: "aisha.bello@pharos.demo",
    name: "Aisha Bello",
    role: "engineer",
    teams: ["data", "observability"],
  },
  {
    email: "diego.alvarez@pharos.demo",
    name: "Diego Alvarez",
    role: "engineer",
    teams: ["edge"],
    lead: ["edge"],
  },
  {
    email: "hana.novak@pharos.demo",
    name: "Hana Novak",
    role: "engineer",
    teams: ["observability"],
    lead: ["observability"],
  },
  {
    email: "oliver.grant@pharos.demo",
    name: "Oliver Grant",
    role: "engineer",
    teams: ["platform"],
    lead: ["platform"],
  },
  { email: "ravi.iyer@pharos.demo", name: "Ravi Iyer", role: "change_manager", teams: [] },
  { email: "chloe.martin@pharos.demo", name: "Chloé Martin", role: "viewer", teams: [] },
];
