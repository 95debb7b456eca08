import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromColumnar, toColumnar } from "./columnar";

describe("columnar lists", () => {
  it("names each field once", () => {
    const table = toColumnar([{ slug: "a", tier: 0 }, { slug: "b" }] as { slug: string; tier?: number }[]);
    expect(table).toEqual({ length: 2, slug: ["a", "b"], tier: [0, null] });
  });

  it("gives back the records it was given, fields they lacked still absent", () => {
    const record = fc.record(
      { slug: fc.string(), count: fc.integer(), tags: fc.array(fc.string()), archived: fc.constant(true) },
      { requiredKeys: ["slug"] },
    );
    fc.assert(
      fc.property(fc.array(record), (rows) => {
        expect(fromColumnar(JSON.parse(JSON.stringify(toColumnar(rows))))).toEqual(rows);
      }),
    );
  });
});
