import { describe, expect, it } from "vitest";
import {
  canMovePostmortem,
  defaultDueOn,
  formatDuration,
  impactDraft,
  publishBlocker,
  reviewReadiness,
} from "./postmortem-rules";

describe("postmortem rules", () => {
  it("moves draft → in review → published, back to draft from review, and never out of published", () => {
    expect(canMovePostmortem("draft", "in_review")).toBe(true);
    expect(canMovePostmortem("in_review", "published")).toBe(true);
    expect(canMovePostmortem("in_review", "draft")).toBe(true);
    expect(canMovePostmortem("draft", "published")).toBe(false);
    expect(canMovePostmortem("published", "draft")).toBe(false);
    expect(canMovePostmortem("published", "in_review")).toBe(false);
  });

  it("needs a reviewer, a summary and root causes for review, naming each missing field", () => {
    expect(reviewReadiness({ summary: " ", rootCauses: "", reviewers: 0 })).toEqual({
      reviewers: "Name at least one reviewer.",
      summary: "Write the summary before review.",
      rootCauses: "Write the root causes before review.",
    });
    expect(reviewReadiness({ summary: "S", rootCauses: "R", reviewers: 1 })).toEqual({});
  });

  it("publishes only once every reviewer approved, naming who is missing", () => {
    const at = new Date();
    expect(publishBlocker([{ name: "Ada", approvedAt: at }])).toBeNull();
    expect(
      publishBlocker([
        { name: "Ada", approvedAt: at },
        { name: "Lin", approvedAt: null },
      ]),
    ).toMatch(/approval of Lin;/);
  });

  it("makes sev1/sev2 due five working days after resolution, else after declaration; others have no default", () => {
    const declaredAt = new Date("2026-12-03T10:00Z"); // Thursday
    const resolvedAt = new Date("2026-12-04T09:00Z"); // Friday
    expect(defaultDueOn({ severity: "sev2", resolvedAt, declaredAt })).toBe("2026-12-11");
    expect(defaultDueOn({ severity: "sev1", resolvedAt: null, declaredAt })).toBe("2026-12-10");
    expect(defaultDueOn({ severity: "sev3", resolvedAt, declaredAt })).toBeNull();
  });

  it("drafts the impact line from the services and the impact's duration", () => {
    expect(
      impactDraft({
        services: ["checkout", "payments-api"],
        impactStart: new Date("2026-12-01T10:05Z"),
        resolvedAt: new Date("2026-12-01T11:28Z"),
      }),
    ).toBe(
      "Affected: checkout, payments-api. Impact lasted 1 h 23 min, from 2026-12-01 10:05 UTC to 2026-12-01 11:28 UTC.",
    );
    expect(
      impactDraft({ services: ["ledger"], impactStart: new Date("2026-12-01T10:05Z"), resolvedAt: null }),
    ).toBe("Affected: ledger. Impact began 2026-12-01 10:05 UTC; not yet resolved.");
  });

  it("formats durations coarsely", () => {
    expect(formatDuration(30_000)).toBe("under a minute");
    expect(formatDuration(45 * 60_000)).toBe("45 min");
    expect(formatDuration(120 * 60_000)).toBe("2 h");
    expect(formatDuration((51 * 60 + 7) * 60_000)).toBe("2 d 3 h");
  });
});
