import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownField } from "./markdown-field";

describe("MarkdownField (server render)", () => {
  it("submits a named textarea and previews its Markdown", () => {
    const out = renderToStaticMarkup(
      <MarkdownField name="summary" label="Summary" defaultValue={"**Checkout** was down."} rows={5} />,
    );
    expect(out).toMatch(
      /<textarea[^>]* name="summary"[^>]* rows="5"[^>]*>\*\*Checkout\*\* was down\.<\/textarea>/,
    );
    expect(out).toContain('class="control');
    expect(out).toContain("<strong>Checkout</strong>");
    expect(out).toContain('role="tablist"');
    expect(out).toContain('aria-selected="true"');
  });

  it("counts wording hints in a live region the textarea points at, without blocking anything", () => {
    const out = renderToStaticMarkup(
      <MarkdownField
        name="rootCauses"
        label="Root causes"
        section="rootCauses"
        people={["Sam Lee"]}
        defaultValue="Sam should have checked. Human error."
      />,
    );
    expect(out).toContain('<p id="rootCauses-hints" aria-live="polite"');
    expect(out).toContain("3 wording hints");
    expect(out).toContain("“should have”");
    expect(out).toContain('data-rule="person-in-root-cause"');
    expect(out).toMatch(/<textarea[^>]*aria-describedby="rootCauses-hints"/);
    expect(out).not.toContain("aria-invalid");
    expect(out).not.toMatch(/required|disabled/);
  });

  it("keeps the live region when there is nothing to say", () => {
    const out = renderToStaticMarkup(<MarkdownField name="impact" label="Impact" />);
    expect(out).toContain('<p id="impact-hints" aria-live="polite" class="pm-hint-count"></p>');
    expect(out).toContain("Nothing to preview yet.");
  });

  it("shows a field error under the field, tied to the textarea", () => {
    const out = renderToStaticMarkup(
      <MarkdownField
        name="impact"
        label="Impact"
        help="Who noticed, and for how long."
        error="Describe the impact."
      />,
    );
    expect(out).toMatch(/<textarea[^>]*aria-invalid="true"/);
    expect(out).toMatch(/<textarea[^>]*aria-describedby="impact-error impact-hints"/);
    expect(out).toContain('<p id="impact-error" class="text-xs font-medium text-destructive"');
    expect(out).not.toContain("Who noticed");
  });
});
