import { describe, expect, it } from "vitest";
import { formValuesOf, fractionOf, sloFormInput } from "./form-values";
import { createSloInput } from "./schemas";

describe("the SLO form's fields", () => {
  it("turns typed percentages into exact fractions", () => {
    expect(fractionOf("99.9")).toBe(0.999);
    expect(fractionOf("99.95 %")).toBe(0.9995);
    expect(fractionOf("99.999")).toBe(0.99999);
    expect(fractionOf("abc")).toBe("abc");
    expect(fractionOf("")).toBeUndefined();
  });

  it("round-trips a definition through the form and the schema", () => {
    const input = {
      service: "ledger",
      name: "Writes",
      description: "",
      sliKind: "latency" as const,
      latencyThresholdMs: 250,
      target: 0.9995,
      window: { type: "calendar" as const, unit: "month" as const, timeZone: "Europe/Berlin" },
      budgeting: { method: "timeslices" as const, sliceMinutes: 15 as const, sliceTarget: 0.95 },
      minEvents: 50,
    };
    const fields = { ...formValuesOf({ ...input }), service: "ledger" };
    const parsed = createSloInput.parse(sloFormInput(fields, "create"));
    expect(parsed).toEqual(input);
  });

  it("passes bad values on for the schema to name", () => {
    const result = createSloInput.safeParse(
      sloFormInput(
        {
          service: "ledger",
          name: "x",
          sliKind: "ratio",
          targetPercent: "100",
          windowType: "rolling",
          windowDays: "45",
        },
        "create",
      ),
    );
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["target", "window.days"]));
  });
});
