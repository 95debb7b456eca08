import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CALENDAR_UNITS, ROLLING_DAYS } from "@/db/schema/slo";
import { createSloInput, SLICE_MINUTES, type SloDefinition } from "../schemas";
import { openSloName, toOpenSloDocument, toOpenSloYaml } from "./export";
import { definitionOf, parseOpenSlo } from "./parse";

const ID = "6f1c2a9e-8d4b-4c1e-9a3f-2b7d5e0c1a44";

const fraction = fc.double({ min: 0.0001, max: 0.99999, noNaN: true });
const windowArb = fc.oneof(
  fc.record({ type: fc.constant("rolling" as const), days: fc.constantFrom(...ROLLING_DAYS) }),
  fc.record({
    type: fc.constant("calendar" as const),
    unit: fc.constantFrom(...CALENDAR_UNITS),
    timeZone: fc.constantFrom(
      "UTC",
      "Europe/Berlin",
      "America/New_York",
      "Asia/Kolkata",
      "Australia/Lord_Howe",
    ),
  }),
);
const budgetingArb = fc.oneof(
  fc.constant({ method: "occurrences" as const }),
  fc.record({
    method: fc.constant("timeslices" as const),
    sliceMinutes: fc.constantFrom(...SLICE_MINUTES),
    sliceTarget: fraction,
  }),
);
const kindArb = fc.oneof(
  fc.constant({ sliKind: "ratio" as const }),
  fc.record({
    sliKind: fc.constant("latency" as const),
    latencyThresholdMs: fc.integer({ min: 1, max: 600_000 }),
  }),
);

/** Any definition the create command accepts, as its schema normalises it. */
const definitionArb: fc.Arbitrary<SloDefinition> = fc
  .record({
    service: fc.stringMatching(/^[a-z0-9]{2,10}(-[a-z0-9]{1,8}){0,2}$/),
    name: fc.string({ unit: "grapheme", minLength: 1, maxLength: 120 }),
    description: fc.string({ unit: "grapheme", maxLength: 300 }),
    kind: kindArb,
    target: fraction,
    window: windowArb,
    budgeting: budgetingArb,
    minEvents: fc.integer({ min: 0, max: 1_000_000_000 }),
  })
  .map(({ kind, ...rest }) => createSloInput.safeParse({ ...rest, ...kind }))
  .filter((r) => r.success)
  .map((r) => definitionOf(r.data!));

describe("OpenSLO export", () => {
  it("writes a self-describing kind: SLO with a Pharos metric source and the Pharos-only fields as annotations", () => {
    const doc = toOpenSloDocument({
      id: ID,
      service: "checkout",
      definition: {
        name: "Checkout latency",
        description: "",
        sliKind: "latency",
        latencyThresholdMs: 300,
        target: 0.995,
        window: { type: "calendar", unit: "month", timeZone: "Europe/Berlin" },
        budgeting: { method: "timeslices", sliceMinutes: 5, sliceTarget: 0.9 },
        minEvents: 25,
      },
    });
    expect(doc).toMatchObject({
      apiVersion: "openslo/v1",
      kind: "SLO",
      metadata: {
        name: "checkout-latency",
        displayName: "Checkout latency",
        annotations: {
          "pharos.dev/slo-id": ID,
          "pharos.dev/min-events": "25",
          "pharos.dev/sli-kind": "latency",
          "pharos.dev/latency-threshold-ms": "300",
        },
      },
      spec: {
        service: "checkout",
        indicator: {
          spec: {
            ratioMetric: {
              good: { metricSource: { type: "Pharos", spec: { sloId: ID, counts: "good" } } },
              total: { metricSource: { type: "Pharos", spec: { sloId: ID, counts: "total" } } },
            },
          },
        },
        timeWindow: [{ duration: "1M", isRolling: false, calendar: { timeZone: "Europe/Berlin" } }],
        budgetingMethod: "Timeslices",
        objectives: [{ displayName: "99.5 %", target: 0.995, timeSliceTarget: 0.9, timeSliceWindow: "5m" }],
      },
    });
    expect(doc.spec).not.toHaveProperty("description");
    const rolling = {
      ...definitionOf(
        createSloInput.parse({
          service: "checkout",
          name: "A",
          sliKind: "ratio",
          target: 0.9,
          window: { type: "rolling", days: 30 },
        }),
      ),
    };
    expect(parse(toOpenSloYaml({ id: ID, service: "checkout", definition: rolling }))).toMatchObject({
      spec: { timeWindow: [{ duration: "30d", isRolling: true }], budgetingMethod: "Occurrences" },
    });
    // Quoted, so a YAML 1.1 reader does not take it for a timestamp.
    const calendar = {
      ...rolling,
      window: { type: "calendar" as const, unit: "week" as const, timeZone: "UTC" },
    };
    expect(toOpenSloYaml({ id: ID, service: "checkout", definition: calendar })).toContain(
      'startTime: "2024-01-01 00:00:00"',
    );
  });

  it("makes an RFC 1123 name from any SLO name", () => {
    expect(openSloName("Checkout — p99 über 300 ms!", ID)).toBe("checkout-p99-uber-300-ms");
    expect(openSloName("—", ID)).toBe("slo-6f1c2a9e");
    expect(openSloName("x".repeat(80), ID)).toHaveLength(63);
  });

  it("re-imports to the same definition, for any definition Pharos accepts", () => {
    fc.assert(
      fc.property(definitionArb, fc.stringMatching(/^[a-z0-9]{2,10}$/), (definition, service) => {
        const yaml = toOpenSloYaml({ id: ID, service, definition });
        const [doc] = parseOpenSlo(yaml);
        expect(doc.errors).toEqual([]);
        expect(doc.status).toBe("ok");
        expect(doc.slos).toHaveLength(1);
        expect(doc.slos[0].input.service).toBe(service);
        expect(definitionOf(doc.slos[0].input)).toEqual(definition);
      }),
      { numRuns: 300 },
    );
  });

  it("writes several SLOs as one multi-document file that re-imports document by document", () => {
    const defs = fc.sample(definitionArb, { numRuns: 5, seed: 7 });
    const yaml = toOpenSloYaml(
      defs.map((definition, i) => ({ id: `${ID.slice(0, -1)}${i}`, service: "api", definition })),
    );
    const docs = parseOpenSlo(yaml);
    expect(docs.map((d) => d.index)).toEqual([0, 1, 2, 3, 4]);
    expect(docs.map((d) => definitionOf(d.slos[0].input))).toEqual(defs);
  });
});
