import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { serviceToEntity } from "./export";
import { awkward, base } from "./fixtures";
import { yamlDocument, yamlString } from "./yaml-writer";

/** Any code units at all: lone surrogates, C0/C1 controls, BOMs, separators. */
const anyString = fc.string({ unit: "binary", maxLength: 30 });
/** Strings built from YAML's troublemakers, so the plain/quoted decision is really exercised. */
const trickyString = fc
  .array(
    fc.constantFrom(
      "a",
      "Z",
      "0",
      "9",
      " ",
      ":",
      ": ",
      "#",
      " #",
      "-",
      "- ",
      "?",
      "!",
      "&",
      "*",
      "%",
      "@",
      "`",
      "'",
      '"',
      "\\",
      "|",
      ">",
      "[",
      "]",
      "{",
      "}",
      ",",
      ".",
      "~",
      "\t",
      "\n",
      "\r",
      "\u0085",
      "\u2028",
      "\ufeff",
      "\ud800",
      "\udc00",
      "yes",
      "No",
      "null",
      "true",
      "Off",
      "y",
      "1e3",
      "0x1F",
      "1:20",
      "2026-01-01",
      ".inf",
      ".nan",
      "<<",
      "=",
      "url:https://x.io/a#b",
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(""));
const text = fc.oneof(anyString, trickyString, fc.string({ unit: "grapheme", maxLength: 30 }));
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
const leaf = fc.oneof(text, finite, fc.integer(), fc.boolean(), fc.constant(null));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small" }, leaf, tie("list"), tie("map")),
  list: fc.array(tie("node"), { maxLength: 4 }),
  map: fc.dictionary(text, tie("node"), { maxKeys: 4, noNullPrototype: true }),
})).map;

describe("yamlDocument", () => {
  it("is read back by the yaml library as exactly the value written (property)", () => {
    fc.assert(
      fc.property(value, (v) => {
        const doc = yamlDocument(v);
        expect(doc.startsWith("---\n")).toBe(true);
        expect(parse(doc)).toEqual(v);
      }),
      { numRuns: 2000 },
    );
  });

  it("writes strings YAML 1.1 readers also take as the same strings (property)", () => {
    fc.assert(
      fc.property(fc.dictionary(text, text, { maxKeys: 6, noNullPrototype: true }), (v) => {
        expect(parse(yamlDocument(v), { version: "1.1" })).toEqual(v);
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps one document per entity when joined, as Backstage reads a catalog file", () => {
    const docs = [serviceToEntity(base), serviceToEntity(awkward), { kind: "Group", spec: {} }];
    const parsed = parseAllDocuments(docs.map(yamlDocument).join(""));
    expect(parsed.map((d) => d.errors)).toEqual([[], [], []]);
    expect(parsed.map((d) => d.toJS())).toEqual(docs);
  });

  it("lays entities out as a person would write them", () => {
    expect(
      yamlDocument({
        apiVersion: "backstage.io/v1alpha1",
        kind: "Component",
        metadata: {
          name: "payments-api",
          description: "Takes payments: cards, wallets",
          tags: ["java", "pci"],
          links: [{ url: "https://grafana.example.com/d/1", title: "Dashboard" }],
          annotations: { "pharos.io/tier": "tier0", "pharos.io/rto-minutes": "60" },
        },
        spec: { owner: "group:default/payments", children: [], profile: {}, skipped: undefined },
      }),
    ).toBe(
      [
        "---",
        "apiVersion: backstage.io/v1alpha1",
        "kind: Component",
        "metadata:",
        "  name: payments-api",
        '  description: "Takes payments: cards, wallets"',
        "  tags:",
        "    - java",
        "    - pci",
        "  links:",
        "    - url: https://grafana.example.com/d/1",
        "      title: Dashboard",
        "  annotations:",
        "    pharos.io/tier: tier0",
        '    pharos.io/rto-minutes: "60"',
        "spec:",
        "  owner: group:default/payments",
        "  children: []",
        "  profile: {}",
        "",
      ].join("\n"),
    );
  });

  it("quotes what would read as another type or break the line, and nothing else", () => {
    for (const s of [
      "yes",
      "No",
      "null",
      "true",
      "60",
      "2026-01-01",
      "",
      " x",
      "x ",
      "a: b",
      "a #b",
      "-x",
      "x:",
    ])
      expect(yamlString(s)).toMatch(/^"/);
    for (const s of ["tier0", "group:default/payments", "https://a.example.com/x#y", "Handles events, fast."])
      expect(yamlString(s)).toBe(s);
    expect(yamlString("\u0085\u2028\ud800")).toBe('"\\u0085\\u2028\\ud800"');
  });

  it("uses the explicit key form past YAML's 1,024-character limit on implicit keys", () => {
    const key = "k".repeat(2000);
    expect(parse(yamlDocument({ [key]: { a: 1 } }))).toEqual({ [key]: { a: 1 } });
  });

  it("refuses values that are not plain data", () => {
    expect(() => yamlDocument({ at: new Date() })).toThrow(TypeError);
    expect(() => yamlDocument({ n: 1n })).toThrow(TypeError);
  });
});
