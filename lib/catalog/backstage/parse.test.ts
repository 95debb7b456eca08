import { describe, expect, it } from "vitest";
import { MAX_DOCUMENTS, parseCatalogYaml } from "./parse";

describe("parseCatalogYaml", () => {
  it("returns one entry per document, numbered from 1", () => {
    const docs = parseCatalogYaml("kind: Component\n---\nkind: Group\n---\nkind: User\n");
    expect(docs).toEqual([
      { index: 1, ok: true, raw: { kind: "Component" } },
      { index: 2, ok: true, raw: { kind: "Group" } },
      { index: 3, ok: true, raw: { kind: "User" } },
    ]);
  });

  it("reports a syntax error on its own document and keeps the others", () => {
    const docs = parseCatalogYaml("---\na: 1\n---\nb: [1,\n---\nc: 3\n");
    expect(docs).toHaveLength(3);
    expect(docs[0]).toEqual({ index: 1, ok: true, raw: { a: 1 } });
    expect(docs[1]).toMatchObject({ index: 2, ok: false, ref: "document #2" });
    expect(docs[1].ok === false && docs[1].error).toMatch(/^YAML syntax error: .*line 5/);
    expect(docs[2]).toEqual({ index: 3, ok: true, raw: { c: 3 } });
  });

  it("reports duplicate keys as errors", () => {
    const [doc] = parseCatalogYaml("a: 1\na: 2\n");
    expect(doc.ok).toBe(false);
    expect(doc.ok === false && doc.error).toMatch(/unique/);
  });

  it("rejects plain text and broken YAML with a clear message", () => {
    const [text] = parseCatalogYaml("This is a README, not a catalog.\nIt has two lines.");
    expect(text).toMatchObject({ index: 1, ok: false, ref: "document #1" });
    expect(text.ok === false && text.error).toMatch(/not a YAML mapping/i);
    const [broken] = parseCatalogYaml("{{{ nope");
    expect(broken.ok === false && broken.error).toMatch(/^YAML syntax error/);
    const [binary] = parseCatalogYaml("PK\u0003\u0004\u0000\u0000");
    expect(binary.ok === false && binary.error).toMatch(/binary/);
  });

  it("treats an empty or comment-only file as one error", () => {
    for (const text of ["", "   \n", "# only a comment\n", "---\n---\n"]) {
      const docs = parseCatalogYaml(text);
      expect(docs).toHaveLength(1);
      expect(docs[0]).toMatchObject({ index: 1, ok: false });
      expect(docs[0].ok === false && docs[0].error).toMatch(/empty/);
    }
  });

  it("skips empty documents such as a trailing ---", () => {
    expect(parseCatalogYaml("a: 1\n---\n")).toEqual([{ index: 1, ok: true, raw: { a: 1 } }]);
    expect(parseCatalogYaml("---\n---\na: 1\n")).toEqual([{ index: 2, ok: true, raw: { a: 1 } }]);
  });

  it("refuses files with too many documents", () => {
    const docs = parseCatalogYaml("a: 1\n---\n".repeat(MAX_DOCUMENTS + 1));
    expect(docs).toHaveLength(1);
    expect(docs[0].ok === false && docs[0].error).toMatch(/more than 20000/);
  });

  it("refuses alias bombs instead of expanding them", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]", "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]"];
    bomb.push(
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
    );
    const [doc] = parseCatalogYaml(bomb.join("\n"));
    expect(doc.ok === false && doc.error).toMatch(/alias/i);
  });
});
