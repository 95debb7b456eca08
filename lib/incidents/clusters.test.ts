import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clusters, normalizeCause } from "./clusters";

describe("clusters", () => {
  it("joins chains of alike pairs and leaves the rest alone", () => {
    expect(
      clusters(
        ["a", "b", "c", "d", "e"],
        [
          ["a", "b"],
          ["c", "b"],
          ["d", "e"],
        ],
      ),
    ).toEqual([
      ["a", "b", "c"],
      ["d", "e"],
    ]);
    expect(clusters(["a", "b"], [])).toEqual([["a"], ["b"]]);
  });

  it("ignores pairs naming unknown ids", () => {
    expect(clusters(["a"], [["a", "z"]])).toEqual([["a"]]);
  });

  it("partitions the ids: every id in exactly one group, each pair inside one group", () => {
    const ids = Array.from({ length: 12 }, (_, i) => `i${i}`);
    const pair = fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 30 }), (pairs) => {
        const groups = clusters(ids, pairs);
        expect(groups.flat().sort()).toEqual([...ids].sort());
        const groupOf = new Map(groups.flatMap((g, i) => g.map((id) => [id, i] as const)));
        for (const [a, b] of pairs) expect(groupOf.get(a)).toBe(groupOf.get(b));
      }),
    );
  });
});

describe("normalizeCause", () => {
  it("folds case, punctuation and spacing", () => {
    expect(normalizeCause("  Expired TLS-cert. ")).toBe("expired tls cert");
    expect(normalizeCause("expired tls  cert")).toBe("expired tls cert");
  });
});
