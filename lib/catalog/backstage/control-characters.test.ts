import { describe, expect, it } from "vitest";
import { controlCharacterProblems } from "./control-characters";
import { mapDocuments } from "./map";
import { parseCatalogYaml } from "./parse";

const component = (metadata: string, spec = "{ type: service, lifecycle: production, owner: payments }") =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: ${metadata}\nspec: ${spec}\n`;

describe("control characters in a catalog file", () => {
  it("names the field, whether the character came in raw or as a YAML escape", () => {
    expect(controlCharacterProblems({ metadata: { description: "a\u0000b" } })).toEqual([
      "metadata.description: contains a control character (U+0000)",
    ]);
    const [doc] = parseCatalogYaml(component('{ name: ledger, description: "pays\\x07out" }'));
    expect(controlCharacterProblems(doc.ok && doc.raw)).toEqual([
      "metadata.description: contains a control character (U+0007)",
    ]);
  });

  it("lets descriptions and kept annotations span lines, but not names, titles, tags or references", () => {
    expect(
      controlCharacterProblems({
        metadata: { description: "line one\r\n\tline two", annotations: { "example.com/notes": "a\nb" } },
      }),
    ).toEqual([]);
    expect(
      controlCharacterProblems({
        metadata: {
          title: "Ledger\nService",
          tags: ["ok", "pay\tments"],
          annotations: { "pharos.io/on-call": "primary\n" },
        },
        spec: { owner: "group:payments\r", dependsOn: ["component:ledger\n"] },
      }),
    ).toEqual([
      "metadata.title: contains a line break (U+000A), which this one-line field cannot hold",
      "metadata.tags[1]: contains a tab (U+0009), which this one-line field cannot hold",
      'metadata.annotations["pharos.io/on-call"]: contains a line break (U+000A), which this one-line field cannot hold',
      "spec.owner: contains a line break (U+000D), which this one-line field cannot hold",
      "spec.dependsOn[0]: contains a line break (U+000A), which this one-line field cannot hold",
    ]);
  });

  it("names keys that hold one, in a printable way", () => {
    expect(controlCharacterProblems({ metadata: { labels: { "te\u0001am": "x" } } })).toEqual([
      'metadata.labels["te\\u0001am"]: the key contains a control character (U+0001)',
    ]);
  });

  it("makes that entity an error and leaves the rest of the file to be judged as usual", () => {
    const file = [
      component('{ name: good-one, description: "fine" }'),
      component('{ name: bad-one, description: "nul\\0here" }'),
      component('{ name: "sneaky\\x01name" }'),
    ].join("---\n");
    const mapped = mapDocuments(parseCatalogYaml(file));
    expect(mapped.entities.map((e) => e.ref)).toEqual(["component:default/good-one"]);
    expect(mapped.errors).toEqual([
      {
        ref: "component:default/bad-one",
        error: "metadata.description: contains a control character (U+0000)",
      },
      // A name that is not printable cannot name its entity: the document number does.
      {
        ref: "document #3",
        error: "metadata.name: contains a control character (U+0001), which this one-line field cannot hold",
      },
    ]);
  });

  it("treats a file with a stray NUL as YAML, and a real binary file as binary", () => {
    const raw = parseCatalogYaml(component("{ name: raw-nul, description: a\u0000b }"));
    expect(raw).toHaveLength(1);
    expect(raw[0].ok).toBe(true);
    const [zip] = parseCatalogYaml("PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000");
    expect(zip.ok === false && zip.error).toMatch(/binary/);
  });
});
