import { describe, expect, it } from "vitest";
import { component, run, service } from "./testing";

describe("mapDocuments: component field inference", () => {
  it.each([
    ["production", "production"],
    ["experimental", "experimental"],
    ["deprecated", "deprecated"],
    ["development", "experimental"],
    ["beta", "experimental"],
  ])("maps lifecycle %s to %s", (lifecycle, expected) => {
    expect(service(component("svc", "", `  owner: a1\n  lifecycle: ${lifecycle}\n`)).lifecycle).toBe(
      expected,
    );
  });

  it.each([
    ["  annotations:\n    pharos.io/tier: tier1\n", "tier1"],
    ["  annotations:\n    pharos.io/tier: '0'\n", "tier0"],
    ["  annotations:\n    pharos.io/tier: tier-3\n", "tier3"],
    ["  annotations:\n    pharos.io/tier: high\n", "tier1"],
    ["  labels:\n    tier: low\n", "tier3"],
    ["  labels:\n    tier: medium\n  annotations:\n    pharos.io/tier: critical\n", "tier0"],
  ])("reads the tier from %j", (extra, tier) => {
    expect(service(component("svc", extra)).tier).toBe(tier);
  });

  it("reports an unreadable tier, rto or DR date instead of guessing", () => {
    const extra =
      "  annotations:\n    pharos.io/tier: platinum\n    pharos.io/rto-minutes: soon\n    pharos.io/last-dr-test: 2026-02-31\n";
    const { errors, entities } = run(component("svc", extra));
    expect(entities).toEqual([]);
    expect(errors.map((e) => e.error)).toEqual([
      expect.stringMatching(/tier "platinum"/),
      expect.stringMatching(/rto-minutes "soon"/),
      expect.stringMatching(/last-dr-test "2026-02-31"/),
    ]);
  });

  it("infers the domain from spec.type unless the annotation is valid", () => {
    const typed = (type: string, extra = "") => component("svc", extra, `  type: ${type}\n  owner: a1\n`);
    expect(service(typed("database")).domain).toBe("database");
    expect(service(typed("website")).domain).toBe("application");
    expect(service(typed("library")).domain).toBe("application");
    expect(service(typed("database", "  annotations:\n    pharos.io/domain: network\n")).domain).toBe(
      "network",
    );
    expect(service(typed("database", "  annotations:\n    pharos.io/domain: banana\n")).domain).toBe(
      "database",
    );
  });

  it("falls back to the GitHub slug, a runbook link and PagerDuty", () => {
    const extra = `  links:\n    - { url: "https://x.example.com/rb", title: Ops RUNBOOK }\n  annotations:\n    github.com/project-slug: acme/web\n    pagerduty.com/service-id: P123\n`;
    const s = service(component("svc", extra));
    expect(s).toMatchObject({
      repoUrl: "https://github.com/acme/web",
      runbookUrl: "https://x.example.com/rb",
    });
    expect(s.onCall).toBe("pagerduty:P123");
    expect(s.annotations).toEqual({
      "github.com/project-slug": "acme/web",
      "pagerduty.com/service-id": "P123",
    });
  });
});
