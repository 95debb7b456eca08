import { describe, expect, it } from "vitest";
import { fromColumnar } from "@/lib/columnar";
import { facetSection } from "./facet-section";

const teams = Array.from({ length: 40 }, (_, i) => ({
  value: `team-${i}`,
  label: `Team ${i}`,
  count: 100 - i,
}));
const section = { title: "Team", param: "team" };
const values = (s: ReturnType<typeof facetSection>) => fromColumnar(s.values);

describe("a facet's shown values", () => {
  it("sends the largest few and counts the rest", () => {
    const s = facetSection(section, teams, undefined, 15);
    expect(values(s).map((v) => v.value)).toEqual(teams.slice(0, 15).map((t) => t.value));
    expect(s.more).toBe(25);
  });

  it("keeps the selected value when it is not among the largest, or matches nothing any more", () => {
    expect(values(facetSection(section, teams, "team-30", 15)).at(-1)).toEqual({
      value: "team-30",
      label: "Team 30",
      count: 70,
    });
    const gone = facetSection(section, teams.slice(0, 3), "team-99", 15);
    expect(values(gone).at(-1)).toEqual({ value: "team-99", count: 0 });
    expect(gone.more).toBe(0);
  });

  it("labels a value only where the label says more than the value", () => {
    const tiers = [{ value: "tier0", label: "tier0", count: 2 }];
    const plain = facetSection(
      { title: "Tags", param: "tag" },
      [{ value: "pci", label: "pci", count: 1 }],
      undefined,
    );
    expect(values(plain)).toEqual([{ value: "pci", count: 1 }]);
    const formatted = facetSection(
      { title: "Tier", param: "tier", format: (f) => f.value.replace("tier", "Tier ") },
      tiers,
      undefined,
    );
    expect(values(formatted)).toEqual([{ value: "tier0", label: "Tier 0", count: 2 }]);
  });
});
