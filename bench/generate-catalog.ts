/**
 * A deterministic Backstage catalog for the benchmark: Groups and Components shaped like the
 * data set behind the Backstage reference figures (10,000 components, 200 groups, 3 dependsOn
 * each, 1–3 tags, lifecycles). Same options → byte-identical YAML, so runs are comparable.
 *
 *   tsx bench/generate-catalog.ts [--components N] [--groups N] [--seed N] [--out FILE]
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

export type CatalogOptions = { components?: number; groups?: number; dependsOn?: number; seed?: number };

/** Business nouns: the first word of every name, title and description, so search finds them. */
const NOUNS = [
  "payments",
  "checkout",
  "ledger",
  "billing",
  "invoice",
  "inventory",
  "catalog",
  "pricing",
  "shipping",
  "fulfilment",
  "orders",
  "cart",
  "search",
  "recommendations",
  "identity",
  "session",
  "profile",
  "notification",
  "email",
  "sms",
  "fraud",
  "risk",
  "reporting",
  "analytics",
  "audit",
  "loyalty",
  "coupon",
  "refund",
  "settlement",
  "subscription",
  "warehouse",
  "tracking",
  "geocoding",
  "media",
  "thumbnail",
  "feature-flags",
  "config",
  "scheduler",
  "gateway",
  "onboarding",
] as const;

const SUFFIXES = [
  "api",
  "worker",
  "service",
  "processor",
  "store",
  "sync",
  "router",
  "web",
  "consumer",
  "cache",
];

const VERBS = [
  "Handles",
  "Processes",
  "Serves",
  "Validates",
  "Aggregates",
  "Stores",
  "Publishes",
  "Reconciles",
  "Schedules",
  "Routes",
];
const OBJECTS = [
  "requests",
  "events",
  "records",
  "webhooks",
  "batch jobs",
  "lookups",
  "updates",
  "exports",
  "notifications",
  "queries",
];
const CONTEXTS = [
  "for the storefront",
  "for mobile clients",
  "for partner integrations",
  "for the finance team",
  "for internal tooling",
  "across all regions",
  "in the European region",
  "for the marketplace",
];
const TECH = [
  "Backed by PostgreSQL.",
  "Consumes Kafka topics.",
  "Uses Redis for caching.",
  "Exposes a gRPC interface.",
  "Exposes a REST interface.",
  "Runs on Kubernetes.",
  "Writes to S3.",
  "Talks to Stripe.",
  "Uses Elasticsearch for lookups.",
  "Publishes to RabbitMQ.",
];

/** Backstage-valid tags (lower case, `-` separated). */
const TAGS = [
  "java",
  "kotlin",
  "go",
  "python",
  "typescript",
  "node",
  "rust",
  "scala",
  "ruby",
  "dotnet",
  "grpc",
  "rest",
  "graphql",
  "kafka",
  "rabbitmq",
  "postgres",
  "mysql",
  "redis",
  "elasticsearch",
  "s3",
  "pci",
  "gdpr",
  "sox",
  "hipaa",
  "public-api",
  "internal",
  "batch",
  "streaming",
  "frontend",
  "backend",
  "ml",
  "legacy",
  "critical-path",
  "customer-facing",
  "cost-sensitive",
  "multi-region",
  "eu",
  "us",
  "apac",
  "beta",
];

const TEAM_WORDS = [
  "Aurora",
  "Basalt",
  "Cobalt",
  "Delta",
  "Ember",
  "Fjord",
  "Granite",
  "Harbor",
  "Indigo",
  "Juniper",
  "Kestrel",
  "Lumen",
  "Meridian",
  "Nimbus",
  "Orion",
  "Pioneer",
  "Quartz",
  "Raven",
  "Summit",
  "Tundra",
];

/**
 * What the benchmark searches for, the same words against Pharos and Backstage: each is in the
 * names and titles of the generated components (Backstage's catalog UI searches those fields),
 * from a few hundred hits (the business nouns) to a thousand (the suffixes).
 */
export const SEARCH_TERMS = [
  "payments",
  "ledger",
  "checkout",
  "inventory",
  "fraud",
  "notification",
  "warehouse",
  "subscription",
  "refund",
  "pricing",
  "identity",
  "thumbnail",
  "worker",
  "processor",
  "gateway",
  "consumer",
];

/** mulberry32: tiny, fast and good enough to spread test data; never Math.random. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
// JSON strings are valid YAML double-quoted scalars: safe quoting without a YAML library.
const q = (s: string) => JSON.stringify(s);

export const teamName = (i: number) => `team-${pad(i, 3)}`;

/** The Component names for these options, in generation order (also the service slugs). */
export function componentNames(options: CatalogOptions = {}): string[] {
  return buildComponents(options).map((c) => c.name);
}

type Component = {
  name: string;
  title: string;
  description: string;
  tags: string[];
  tier: string;
  lifecycle: string;
  owner: string;
  dependsOn: string[];
};

function buildComponents({ components = 10_000, groups = 200, dependsOn = 3, seed = 42 }: CatalogOptions) {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const names: string[] = [];
  const out: Component[] = [];
  for (let i = 0; i < components; i++) {
    const noun = pick(NOUNS);
    const suffix = pick(SUFFIXES);
    const name = `svc-${pad(i, 5)}-${noun}-${suffix}`;
    names.push(name);
    const words = noun.split("-").map(capitalise).join(" ");
    // Skewed like real fleets: few tier-0 services, most in tier 2–3.
    const t = rand();
    const tier = t < 0.05 ? "tier0" : t < 0.2 ? "tier1" : t < 0.6 ? "tier2" : "tier3";
    const l = rand();
    const lifecycle = l < 0.8 ? "production" : l < 0.95 ? "experimental" : "deprecated";
    const tagCount = 1 + Math.floor(rand() * 3);
    const tags = new Set<string>();
    while (tags.size < tagCount) tags.add(pick(TAGS));
    out.push({
      name,
      title: `${words} ${capitalise(suffix)} ${i}`,
      description: `${pick(VERBS)} ${noun.replace("-", " ")} ${pick(OBJECTS)} ${pick(CONTEXTS)}. ${pick(TECH)}`,
      tags: [...tags],
      tier,
      lifecycle,
      owner: teamName(Math.floor(rand() * groups)),
      dependsOn: [],
    });
  }
  // Distinct targets, never itself; capped when the catalog is too small to have enough.
  const edges = Math.min(dependsOn, components - 1);
  for (let i = 0; i < components; i++) {
    const targets = new Set<number>();
    while (targets.size < edges) {
      const j = Math.floor(rand() * components);
      if (j !== i) targets.add(j);
    }
    out[i].dependsOn = [...targets].map((j) => names[j]);
  }
  return out;
}

export type CatalogDocument = { kind: "Group" | "Component"; name: string; yaml: string };

/** Every entity as its own YAML document (without the `---` separator), Groups first. */
export function catalogDocuments(options: CatalogOptions = {}): CatalogDocument[] {
  const groups = options.groups ?? 200;
  const docs: CatalogDocument[] = [];
  for (let g = 0; g < groups; g++) {
    const word = TEAM_WORDS[g % TEAM_WORDS.length];
    const yaml = [
      "apiVersion: backstage.io/v1alpha1",
      "kind: Group",
      "metadata:",
      `  name: ${teamName(g)}`,
      `  description: ${q(`Team ${word} ${Math.floor(g / TEAM_WORDS.length) + 1}`)}`,
      "spec:",
      "  type: team",
      "  profile:",
      `    displayName: ${q(`Team ${word} ${Math.floor(g / TEAM_WORDS.length) + 1}`)}`,
      "  children: []",
    ].join("\n");
    docs.push({ kind: "Group", name: teamName(g), yaml: `${yaml}\n` });
  }
  for (const c of buildComponents(options)) {
    const yaml = [
      "apiVersion: backstage.io/v1alpha1",
      "kind: Component",
      "metadata:",
      `  name: ${c.name}`,
      `  title: ${q(c.title)}`,
      `  description: ${q(c.description)}`,
      "  tags:",
      ...c.tags.map((t) => `    - ${t}`),
      "  annotations:",
      `    pharos.io/tier: ${c.tier}`,
      `    backstage.io/source-location: ${q(`url:https://git.example.com/${c.owner}/${c.name}/`)}`,
      "spec:",
      "  type: service",
      `  lifecycle: ${c.lifecycle}`,
      `  owner: group:default/${c.owner}`,
      ...(c.dependsOn.length
        ? ["  dependsOn:", ...c.dependsOn.map((d) => `    - component:default/${d}`)]
        : []),
    ].join("\n");
    docs.push({ kind: "Component", name: c.name, yaml: `${yaml}\n` });
  }
  return docs;
}

/** The whole catalog as one multi-document catalog-info.yaml. */
export function generateCatalog(options: CatalogOptions = {}): string {
  return catalogDocuments(options)
    .map((d) => `---\n${d.yaml}`)
    .join("");
}

/** Writes the catalog to a file (creating its folder) and returns the path. */
export function writeCatalog(file: string, options: CatalogOptions = {}): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, generateCatalog(options));
  return file;
}

function main() {
  const { values } = parseArgs({
    options: {
      components: { type: "string" },
      groups: { type: "string" },
      seed: { type: "string" },
      out: { type: "string" },
    },
  });
  const components = Number(values.components ?? 10_000);
  const groups = Number(values.groups ?? 200);
  const seed = Number(values.seed ?? 42);
  for (const [k, v] of Object.entries({ components, groups, seed })) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`--${k} must be a positive integer`);
  }
  const out = values.out ?? `bench/data/catalog-${components}.yaml`;
  const started = performance.now();
  writeCatalog(out, { components, groups, seed });
  const kb = Math.round(fs.statSync(out).size / 1024);
  console.log(
    `Wrote ${out}: ${groups} groups, ${components} components, ${kb} KB (${Math.round(performance.now() - started)} ms).`,
  );
}

// Run as a script, not when imported by bench/run.ts.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
