/**
 * Wording hints for blameless postmortems: phrases that judge people rather than describe
 * what happened, each with why it reads as blame and which way to rewrite it. Hints are
 * advice only — nothing is ever refused because of them.
 */
export type BlamelessHint = {
  rule: string;
  match: string;
  index: number;
  message: string;
  suggestion: string;
};

export type BlamelessOptions = { section?: string; people?: string[] };

type Rule = { rule: string; pattern: string; message: string; suggestion: string };

// `\b` is ASCII-only; these boundaries also hold next to "é" or "ö" (names, mostly).
const START = "(?<![\\p{L}\\p{N}_])";
const END = "(?![\\p{L}\\p{N}_])";
const APOSTROPHE = "['’]";

const RULES: Rule[] = [
  {
    rule: "should-have",
    pattern: `should(?:${APOSTROPHE}ve|\\s+have|\\s+not\\s+have|n${APOSTROPHE}t\\s+have)`,
    message: "“Should have” judges a past decision with knowledge nobody had at the time (hindsight bias).",
    suggestion: "Describe what was known and visible then, and what would have made the other choice easy.",
  },
  {
    rule: "human-error",
    pattern: "human\\s+errors?",
    message: "“Human error” names where the inquiry stopped, not a cause: people act within a system.",
    suggestion: "Ask what made the action possible and likely: tooling, defaults, alerts, time pressure.",
  },
  {
    rule: "careless",
    pattern: "careless(?:ness|ly)?",
    message: "“Careless” judges character; it does not explain why the action made sense at the time.",
    suggestion: "Describe the action and its conditions (a confusing interface, a missing check, fatigue).",
  },
  {
    rule: "negligent",
    pattern: "negligen(?:t|tly|ce)",
    message:
      "“Negligent” is a legal and moral verdict; it makes people defend themselves instead of sharing.",
    suggestion: "State what was done and which safeguard was missing or did not catch it.",
  },
  {
    rule: "forgot-to",
    pattern: "forg(?:ot|otten)\\s+to",
    message: "“Forgot to” puts the problem in someone's memory, and memory is not a control.",
    suggestion:
      "Name the step that relied on memory and how a checklist, automation or guard could carry it.",
  },
  {
    // Only before a verb-like word: "failed to the standby region" is a failover, not a failing.
    rule: "failed-to",
    pattern:
      "failed\\s+to\\s+(?!(?:the|a|an|this|that|these|those|our|its|their|his|her|my|your)(?!\\p{L}))\\p{L}+",
    message: "Said of a person, “failed to …” frames an omission as a personal shortcoming.",
    suggestion:
      "Say what happened instead and what made the step easy to miss (“the runbook did not list …”).",
  },
  {
    // Technical faults (page fault, fault-tolerant, fault injection) are not blame.
    rule: "blame",
    pattern:
      "(?:to\\s+)?blam(?:e|es|ed|ing|eworthy)|(?<!(?:page|segmentation|seg|hardware|ground)[\\s-])fault(?!\\s*-?\\s*(?:toleran|injection|domain|isolation|detect|zone|line))",
    message: "Blame and fault assign an outcome to a person; a postmortem looks for contributing factors.",
    suggestion: "Name the conditions and decisions that combined, and what would change them.",
  },
  {
    rule: "mistake-by",
    pattern: "mistakes?\\s+(?:made\\s+)?by",
    message: "“A mistake by …” pins the outcome on one person.",
    suggestion: "Describe the action, and the system that let it have this effect.",
  },
  {
    rule: "didnt-bother",
    pattern: `(?:didn${APOSTROPHE}?t|did\\s+not)\\s+bother`,
    message:
      "“Didn't bother” attributes the outcome to indifference, which is rarely true and never actionable.",
    suggestion: "Describe what was skipped and why skipping it looked reasonable at the time.",
  },
  {
    rule: "hindsight",
    pattern: "obviously",
    message: "A softer one: “obviously” is hindsight — had it been obvious then, it would not have happened.",
    suggestion: "Drop it, or say what signal existed and why it was hard to notice.",
  },
  {
    // "just after 14:02" tells time; "just restart it" minimises.
    rule: "minimising",
    pattern: "simply|just(?![\\s-]+(?:before|after|in[\\s-]+time|as|now|under|over|about|around)(?!\\p{L}))",
    message: "A softer one: “simply” and “just” make a step sound trivial, as if skipping it were careless.",
    suggestion: "Drop the word, or say what the step actually involves.",
  },
];

/** Rules that are worth a second look rather than a rewrite. */
export const SOFT_RULES: ReadonlySet<string> = new Set(["hindsight", "minimising"]);

const PERSON = {
  rule: "person-in-root-cause",
  message: "Root causes describe systems and conditions, not people; a name here reads as blame.",
  suggestion:
    "Describe the role, the action and the conditions (“the on-call engineer ran …”); keep names in the timeline.",
};

const COMPILED = RULES.map((r) => ({ ...r, regex: new RegExp(`${START}(?:${r.pattern})${END}`, "giu") }));

/** Code (fenced blocks, inline spans) is quoted output — "failed to connect" in a log is not blame. */
function maskCode(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, " ");
  return text
    .replace(/^( {0,3})(```|~~~)[^\n]*\n[\s\S]*?(?:^ {0,3}\2[^\n]*$|(?![\s\S]))/gm, blank)
    .replace(/(`+)(?!`)[^\n]*?[^`\n]\1(?!`)/g, blank);
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Full names, and first names of three letters or more, longest first. */
function namesOf(people: string[]): string[] {
  const names = new Set<string>();
  for (const person of people) {
    const full = person.trim().replace(/\s+/g, " ");
    if (!full) continue;
    names.add(full);
    const first = full.split(" ")[0];
    if ((first.match(/\p{L}/gu)?.length ?? 0) >= 3) names.add(first);
  }
  return [...names].sort((a, b) => b.length - a.length);
}

/**
 * Names match whole words, any case after a capital first letter: "Will" is a person,
 * "the retry will loop" is not.
 */
function personHints(text: string, people: string[]): BlamelessHint[] {
  const names = namesOf(people);
  if (names.length === 0) return [];
  const regex = new RegExp(`${START}(?:${names.map(escapeRegex).join("|")})${END}`, "giu");
  return [...text.matchAll(regex)]
    .filter((m) => /^\p{Lu}/u.test(m[0]))
    .map((m) => ({ ...PERSON, match: m[0], index: m.index }));
}

/** Wording hints for one section's text, in reading order, at most one per position. */
export function blamelessHints(text: string, opts: BlamelessOptions = {}): BlamelessHint[] {
  if (!text.trim()) return [];
  const prose = maskCode(text);
  const hints: BlamelessHint[] = [];
  for (const { rule, regex, message, suggestion } of COMPILED) {
    for (const m of prose.matchAll(regex))
      hints.push({ rule, match: m[0], index: m.index, message, suggestion });
  }
  if (opts.section === "rootCauses" && opts.people?.length) hints.push(...personHints(prose, opts.people));
  hints.sort((a, b) => a.index - b.index || b.match.length - a.match.length);
  return hints.filter((h, i) => i === 0 || hints[i - 1].index !== h.index);
}
