import type { ServiceExport } from "./types";

/** A well-filled service, as Pharos would export it. */
export const base: ServiceExport = {
  slug: "payments-api",
  name: "Payments API",
  description: "Takes money.\nTwo lines: with a colon.",
  ownerTeam: "payments",
  tier: "tier0",
  lifecycle: "production",
  domain: "middleware",
  repoUrl: "https://github.com/acme/payments",
  runbookUrl: "https://runbooks.example.com/payments",
  onCall: "pagerduty:P123",
  links: [{ title: "Dashboard", url: "https://grafana.example.com/d/1", kind: "dashboard" }],
  tags: ["java", "pci"],
  rtoMinutes: 60,
  rpoMinutes: 0,
  lastDrTestAt: new Date("2026-03-31T09:30:00Z"),
  system: "checkout",
  businessDomain: "commerce",
  annotations: { "backstage.io/techdocs-ref": "dir:.", "pharos.io/tier": "stale" },
  dependsOn: ["ledger", "fraud-check"],
  verifiedAt: new Date("2026-04-01T00:00:00Z"),
  scorecardLevel: "gold",
};

/** Data a Backstage catalog would reject unless export cleans it up. */
export const awkward: ServiceExport = {
  ...base,
  slug: "x1",
  name: "",
  description: "",
  ownerTeam: null,
  repoUrl: null,
  runbookUrl: null,
  onCall: null,
  rtoMinutes: null,
  rpoMinutes: null,
  lastDrTestAt: null,
  verifiedAt: null,
  scorecardLevel: "none",
  system: "Checkout Platform (EU)",
  tags: ["Node.js", "Team Payments", "ÜBER", "--", "a".repeat(80), "node-js", "c++", "c#"],
  links: [
    ...Array.from({ length: 25 }, (_, i) => ({ title: `Link ${i}`, url: `https://example.com/${i}` })),
    { title: "   ", url: "https://example.com/blank-title", kind: "" },
    { title: "Broken", url: "not a url" },
  ],
  annotations: { "not a key!": "x", "example.com/empty": "", "a/b/c": "y" },
  dependsOn: ["a1", "a1", "b2"],
};
