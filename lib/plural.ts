/**
 * Counted nouns go through one helper so "1 member" and "2 members" are right everywhere.
 * Built on Intl.PluralRules rather than `n === 1`, which gets 0, negatives and fractions
 * wrong in some languages and invites hand-rolled copies that drift.
 */
const rules = new Intl.PluralRules("en");

export type PluralForms = { one: string; other: string };

/** The noun alone, in the form `count` asks for. */
export function pluralWord(count: number, forms: PluralForms): string {
  return rules.select(count) === "one" ? forms.one : forms.other;
}

/** "1 member", "2 members", "1,204 services": the count in the reader's digits, then the noun. */
export function plural(count: number, forms: PluralForms): string {
  return `${count.toLocaleString("en")} ${pluralWord(count, forms)}`;
}
