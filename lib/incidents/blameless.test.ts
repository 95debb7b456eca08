import { describe, expect, it } from "vitest";
import { blamelessHints, SOFT_RULES } from "./blameless";

const rules = (text: string, opts = {}) => blamelessHints(text, opts).map((h) => h.rule);
const matches = (text: string, opts = {}) => blamelessHints(text, opts).map((h) => h.match);

describe("blamelessHints", () => {
  it.each([
    ["should-have", "The operator should have checked the flag.", "should have"],
    ["should-have", "We should've paged sooner.", "should've"],
    ["should-have", "It should not have shipped on a Friday.", "should not have"],
    ["should-have", "It shouldn’t have merged.", "shouldn’t have"],
    ["human-error", "Root cause: human error.", "human error"],
    ["careless", "A careless edit to the config.", "careless"],
    ["careless", "Carelessness during the rollout.", "Carelessness"],
    ["negligent", "The review was negligent.", "negligent"],
    ["negligent", "This was negligence.", "negligence"],
    ["forgot-to", "Alex forgot to drain the node.", "forgot to"],
    ["failed-to", "The reviewer failed to notice the typo.", "failed to notice"],
    ["blame", "Nobody is to blame.", "to blame"],
    ["blame", "We blame the deploy tool.", "blame"],
    ["blame", "It was not her fault.", "fault"],
    ["mistake-by", "A mistake by the on-call engineer.", "mistake by"],
    ["mistake-by", "Mistakes made by the team.", "Mistakes made by"],
    ["didnt-bother", "They didn't bother to read the runbook.", "didn't bother"],
    ["didnt-bother", "They did not bother with the canary.", "did not bother"],
    ["hindsight", "The alert was obviously wrong.", "obviously"],
    ["minimising", "Operators can simply restart it.", "simply"],
    ["minimising", "They just had to flip the flag.", "just"],
  ])("%s fires on %j", (rule, text, match) => {
    const hints = blamelessHints(text, {});
    expect(hints).toHaveLength(1);
    expect(hints[0]).toMatchObject({ rule, match, index: text.indexOf(match) });
    expect(hints[0].message.length).toBeGreaterThan(20);
    expect(hints[0].suggestion.length).toBeGreaterThan(20);
  });

  it.each([
    "The load sat on one shoulder of the curve.",
    "Humans erred? No: the form defaulted to delete.",
    "Caretakers of the cluster rotated keys.",
    "The retry was forgotten, to the dismay of the queue.",
    "Traffic failed to the standby region as designed.",
    "A failed deploy to staging.",
    "This is a blameless review.",
    "The service was faultless for a year; faults were injected in the game day.",
    "A page fault storm and a segmentation fault; the fault-tolerant path held.",
    "The mistake was in the template.",
    "The alert fired just after 14:02 with a just-in-time compiler warning.",
    "It bothered nobody.",
  ])("does not fire on the near miss %j", (text) => {
    expect(blamelessHints(text, {})).toEqual([]);
  });

  it("is case-insensitive", () => {
    expect(rules("SHOULD HAVE. Human Error. FORGOT TO. To Blame.")).toEqual([
      "should-have",
      "human-error",
      "forgot-to",
      "blame",
    ]);
  });

  it("returns [] for empty or blank text", () => {
    expect(blamelessHints("", {})).toEqual([]);
    expect(blamelessHints("  \n\t", { section: "rootCauses", people: ["Sam Lee"] })).toEqual([]);
  });

  it("sorts hints by position, one per position", () => {
    const text = "Obviously they should have known; it was human error and simply careless.";
    const hints = blamelessHints(text, {});
    expect(hints.map((h) => h.rule)).toEqual([
      "hindsight",
      "should-have",
      "human-error",
      "minimising",
      "careless",
    ]);
    const indexes = hints.map((h) => h.index);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    expect(new Set(indexes).size).toBe(indexes.length);
    for (const h of hints) expect(text.slice(h.index, h.index + h.match.length)).toBe(h.match);
  });

  it("marks only the hindsight and minimising rules as soft", () => {
    expect([...SOFT_RULES].sort()).toEqual(["hindsight", "minimising"]);
  });

  it("ignores code spans and fenced blocks, which quote logs and commands", () => {
    const text =
      "The worker logged `failed to connect`:\n\n```\nERROR failed to connect: should have retried\n```\n";
    expect(blamelessHints(text, {})).toEqual([]);
    expect(rules("```\nfailed to connect\n```\nThen it failed to recover.")).toEqual(["failed-to"]);
  });

  describe("people in root causes", () => {
    const people = ["Sam Lee", "Jo Park", "Zoë Brandt", "Will Turner"];
    const rootCauses = { section: "rootCauses", people };

    it("flags full names and first names of three letters or more", () => {
      const text = "Sam Lee ran the migration; Zoë approved it. Sam's shell had prod credentials.";
      expect(matches(text, rootCauses)).toEqual(["Sam Lee", "Zoë", "Sam"]);
      expect(rules(text, rootCauses)).toEqual(Array(3).fill("person-in-root-cause"));
      expect(blamelessHints(text, rootCauses)[0].message).toMatch(/systems and conditions, not people/);
    });

    it("matches a short first name only within its full name", () => {
      expect(matches("Jo Park pushed it. Jo was paged.", rootCauses)).toEqual(["Jo Park"]);
    });

    it("matches whole words only, after a capital letter", () => {
      expect(matches("Samantha's script and the samples.", rootCauses)).toEqual([]);
      expect(matches("The retry will loop forever. Will restarted it.", rootCauses)).toEqual(["Will"]);
      expect(matches("SAM LEE ran it.", rootCauses)).toEqual(["SAM LEE"]);
    });

    it("flags names only in the root-causes section", () => {
      expect(blamelessHints("Sam Lee ran the migration.", { section: "timeline", people })).toEqual([]);
      expect(blamelessHints("Sam Lee ran the migration.", { people })).toEqual([]);
    });

    it("keeps the wording rules alongside names", () => {
      expect(rules("Sam forgot to drain the node.", rootCauses)).toEqual([
        "person-in-root-cause",
        "forgot-to",
      ]);
    });
  });
});
