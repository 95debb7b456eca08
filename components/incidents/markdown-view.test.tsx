import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownView } from "./markdown-view";

const html = (source: string) => renderToStaticMarkup(<MarkdownView source={source} />);

describe("MarkdownView", () => {
  it("renders no script element", () => {
    const out = html("Before\n\n<script>alert(1)</script>\n\nAfter");
    expect(out).not.toMatch(/<script/i);
    expect(out).toContain("After");
  });

  it("renders no javascript: link", () => {
    const out = html("[x](javascript:alert(1)) and [y](JavaScript:alert(1))");
    expect(out).not.toMatch(/javascript:/i);
    expect(out).toContain(">x</a>");
  });

  it("renders no event handler attributes", () => {
    const out = html('<img src=x onerror=alert(1)>\n\n![ok](https://example.com/a.png "t")');
    expect(out).not.toMatch(/onerror/i);
    expect(out).toContain('<img src="https://example.com/a.png" alt="ok" title="t"/>');
  });

  it("drops raw iframes", () => {
    expect(html('<iframe src="https://evil.example"></iframe>\n\ntext')).not.toMatch(/iframe/i);
    expect(html('Inline <iframe src="https://evil.example"></iframe> text')).not.toMatch(/iframe/i);
  });

  it("renders a GFM table inside a scrolling box", () => {
    const out = html("| Time | Event |\n| --- | --- |\n| 14:02 | Alert fired |");
    expect(out).toContain('<div class="prose-pm-table"><table>');
    expect(out).toContain("<th>Time</th>");
    expect(out).toContain("<td>Alert fired</td>");
  });

  it("renders a task list", () => {
    const out = html("- [x] Add the alert\n- [ ] Update the runbook");
    expect(out).toContain('<ul class="contains-task-list">');
    expect(out).toContain('<input type="checkbox" disabled="" checked=""/> Add the alert');
    expect(out).toContain('<input type="checkbox" disabled=""/> Update the runbook');
  });

  it("opens external links in a new tab, without a referrer or opener", () => {
    const out = html("[status](https://status.example.com) and https://example.org");
    expect(out).toContain(
      '<a href="https://status.example.com" rel="noreferrer noopener" target="_blank">status</a>',
    );
    expect(out).toContain('<a href="https://example.org" rel="noreferrer noopener" target="_blank">');
  });

  it("keeps relative links in the same tab", () => {
    expect(html("[the SLO](/slos/abc)")).toContain(
      '<a href="/slos/abc" rel="noreferrer noopener">the SLO</a>',
    );
  });

  it("points footnote links at the sanitised ids", () => {
    const out = html("A claim[^1].\n\n[^1]: The source.");
    const hrefs = [...out.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    const ids = new Set([...out.matchAll(/id="([^"]+)"/g)].map((m) => m[1]));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(ids).toContain(href);
  });

  it("adds the caller's class beside .prose-pm", () => {
    expect(html("hi")).toBe('<div class="prose-pm"><p>hi</p></div>');
    expect(renderToStaticMarkup(<MarkdownView source="hi" className="text-sm" />)).toContain(
      'class="prose-pm text-sm"',
    );
  });
});
