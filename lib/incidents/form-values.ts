/*
 * Forms send lists the way people type them: reviewers as "ada@x.io, lin@x.io" in one box,
 * links as rows of label and URL inputs. These turn a form's fields into the commands'
 * input; a field the form did not send stays absent, so a partial form changes only itself.
 */

type Raw = Record<string, string | string[]>;

/** "a, b\nc" or ["a", "b c"] → ["a", "b", "c"]: commas, semicolons and whitespace separate. */
export function splitList(value: string | string[]): string[] {
  return [value]
    .flat()
    .flatMap((v) => v.split(/[\s,;]+/))
    .filter(Boolean);
}

const asArray = (v: string | string[] | undefined) => (v === undefined ? [] : [v].flat());

/** Rows of `linkLabel` / `linkUrl` inputs → [{label, url}], leaving out rows left blank. */
export function linkRows(raw: Raw): { label: string; url: string }[] {
  const labels = asArray(raw.linkLabel);
  const urls = asArray(raw.linkUrl);
  return Array.from({ length: Math.max(labels.length, urls.length) }, (_, i) => ({
    label: (labels[i] ?? "").trim(),
    url: (urls[i] ?? "").trim(),
  })).filter((row) => row.label || row.url);
}

/** A postmortem form's fields as createPostmortem / patchPostmortem take them. */
export function postmortemFormInput(raw: Raw): Record<string, unknown> {
  const { linkLabel: _l, linkUrl: _u, reviewers, ...rest } = raw;
  return {
    ...rest,
    ...(reviewers !== undefined ? { reviewers: splitList(reviewers) } : {}),
    ...(raw.linkLabel !== undefined || raw.linkUrl !== undefined ? { links: linkRows(raw) } : {}),
  };
}

/** A form's incident list ("INC-4, INC-9") as the problem commands take it. */
export function problemFormInput(raw: Raw): Record<string, unknown> {
  const { incidents, ...rest } = raw;
  return { ...rest, ...(incidents !== undefined ? { incidents: splitList(incidents) } : {}) };
}
