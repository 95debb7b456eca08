const rules = new Intl.PluralRules("en");

/**
 * A count with its noun in the right form ("1 member", "2 members", "0 members"), chosen by
 * the language's plural rules rather than `count === 1`, so every count in the app reads alike.
 */
export function plural(count: number, forms: { one: string; other: string }): string {
  return `${count} ${rules.select(count) === "one" ? forms.one : forms.other}`;
}
