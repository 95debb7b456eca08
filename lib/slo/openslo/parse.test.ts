import { describe, expect, it } from "vitest";
import { parseOpenSlo } from "./parse";
import { fixture, sloDoc } from "./testing";

const only = (text: string) => {
  const docs = parseOpenSlo(text);
  expect(docs).toHaveLength(1);
  return docs[0];
};
const inputs = (text: string) => only(text).slos.map((s) => s.input);
const errorsOf = (text: string) => only(text).errors;

describe("parseOpenSlo: the specification's examples", () => {
  it("reads an SLO with its ratio SLI inline: good/total counts, a rolling 4-week window", () => {
    const doc = only(fixture("inline-ratio.yaml"));
    expect(doc).toMatchObject({ index: 0, kind: "SLO", name: "foo-slo", status: "ok", errors: [] });
    expect(doc.slos).toHaveLength(1);
    expect(doc.slos[0].input).toEqual({
      service: "foo",
      name: "Foo SLO",
      description: "Share of Foo requests answered with a 200",
      sliKind: "ratio",
      target: 0.98,
      window: { type: "rolling", days: 28 },
      budgeting: { method: "occurrences" },
      minEvents: 50,
    });
    // The queries are kept for whoever sets up the collector, and the report says they are not run.
    expect(doc.slos[0].source).toMatchObject({
      indicator: "foo-error",
      metric: "ratio",
      good: { type: "Datadog", spec: { query: expect.stringContaining("http.status_code:200") } },
      total: { type: "Datadog" },
    });
    expect(doc.warnings.join("\n")).toMatch(/does not run the metric queries; push good\/total counts/);
  });

  it("reads an SLO whose indicatorRef names an SLI document, and skips the kinds Pharos does not import", () => {
    const docs = parseOpenSlo(fixture("indicator-ref.yaml"));
    expect(docs.map((d) => [d.kind, d.status])).toEqual([
      ["DataSource", "skipped"],
      ["Service", "skipped"],
      ["SLI", "skipped"],
      ["SLO", "ok"],
      ["AlertPolicy", "skipped"],
      ["AlertCondition", "skipped"],
      ["AlertNotificationTarget", "skipped"],
    ]);
    expect(docs[2].reason).toBe("read as the indicator of documents[3] (foo-availability-monthly)");
    expect(docs[1].reason).toMatch(/Pharos services come from the catalog/);
    const slo = docs[3];
    expect(slo.slos.map((s) => s.input)).toEqual([
      expect.objectContaining({
        name: "Foo availability (monthly)",
        target: 0.995,
        window: { type: "calendar", unit: "month", timeZone: "America/New_York" },
      }),
    ]);
    expect(slo.slos[0].source.indicator).toBe("foo-availability");
    expect(slo.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^documents\[3\]\.spec\.timeWindow\[0\]\.calendar\.startTime: Pharos calendar months start at 00:00 on the 1st of each month in America\/New_York, not at 2022-01-01 12:00:00/,
        ),
        "documents[3].spec.alertPolicies: not imported; Pharos alerts with its own burn-rate rules",
      ]),
    );
  });

  it("reads a threshold metric as a latency SLI with the objective's value in ms, on time slices", () => {
    const doc = only(fixture("threshold-timeslices.yaml"));
    expect(doc.status).toBe("ok");
    expect(doc.slos[0].input).toMatchObject({
      service: "checkout",
      name: "Checkout latency",
      sliKind: "latency",
      latencyThresholdMs: 300,
      target: 0.99,
      window: { type: "rolling", days: 7 },
      budgeting: { method: "timeslices", sliceMinutes: 5, sliceTarget: 0.95 },
    });
    expect(doc.slos[0].source).toMatchObject({ metric: "threshold", threshold: { type: "Prometheus" } });
    expect(doc.warnings.join("\n")).toMatch(
      /push good = requests at or under 300 ms and total = all requests/,
    );
  });

  it("makes several objectives several Pharos SLOs, named after each objective, and says bad/total needs good pushed", () => {
    const doc = only(fixture("several-objectives.yaml"));
    expect(doc.slos.map((s) => [s.input.name, s.input.target, s.objective])).toEqual([
      ["foo-errors — Foo Total Errors", 0.98, 0],
      ["foo-errors — Bar Total Errors", 0.9999, 1],
    ]);
    expect(doc.slos[0].input.window).toEqual({
      type: "calendar",
      unit: "quarter",
      timeZone: "Europe/Berlin",
    });
    expect(doc.slos[0].source.bad).toBeDefined();
    expect(doc.warnings.join("\n")).toMatch(/the collector must push good = total − bad/);
  });
});

describe("parseOpenSlo: each form", () => {
  it("names unnamed objectives by their target as a percentage", () => {
    const names = inputs(
      sloDoc({ objectives: "    - target: 0.999\n    - targetPercent: 99\n    - target: 0.95" }),
    ).map((i) => i.name);
    expect(names).toEqual([
      "API availability — 99.9 %",
      "API availability — 99 %",
      "API availability — 95 %",
    ]);
  });

  it("refuses two objectives that would get the same name", () => {
    expect(
      errorsOf(
        sloDoc({
          objectives:
            "    - displayName: Fast\n      target: 0.99\n    - displayName: fast\n      target: 0.9",
        }),
      ),
    ).toEqual([
      'documents[0].spec.objectives[1].displayName: another objective is also named "API availability — fast"; give each a different displayName',
    ]);
  });

  it("reads rolling windows of 7, 28, 30 and 90 days, 1w and 4w, and refuses others with the path", () => {
    const days = (duration: string) =>
      inputs(sloDoc({ window: `    - duration: ${duration}\n      isRolling: true` }))[0]?.window;
    expect(days("7d")).toEqual({ type: "rolling", days: 7 });
    expect(days("1w")).toEqual({ type: "rolling", days: 7 });
    expect(days("4w")).toEqual({ type: "rolling", days: 28 });
    expect(days("90d")).toEqual({ type: "rolling", days: 90 });
    const text = `${sloDoc()}---\n${sloDoc()}---\n${sloDoc({ window: "    - duration: 2d\n      isRolling: true" })}`;
    expect(parseOpenSlo(text)[2].errors).toEqual([
      "documents[2].spec.timeWindow[0].duration: 2d is not a Pharos window (7d, 28d, 30d, 90d, or a calendar week/month/quarter)",
    ]);
  });

  it("reads calendar weeks, months and quarters in their time zone, and refuses other lengths", () => {
    const calendar = (duration: string, zone = "Europe/Berlin") =>
      sloDoc({
        window: `    - duration: ${duration}\n      calendar:\n        startTime: 2024-01-01 00:00:00\n        timeZone: ${zone}`,
      });
    expect(inputs(calendar("1w"))[0].window).toEqual({
      type: "calendar",
      unit: "week",
      timeZone: "Europe/Berlin",
    });
    expect(inputs(calendar("1M"))[0].window).toMatchObject({ unit: "month" });
    expect(inputs(calendar("3M"))[0].window).toMatchObject({ unit: "quarter" });
    expect(only(calendar("1M")).warnings.join()).not.toMatch(/startTime/);
    expect(errorsOf(calendar("1Y"))).toEqual([
      "documents[0].spec.timeWindow[0].duration: 1Y is not a Pharos window (7d, 28d, 30d, 90d, or a calendar week/month/quarter)",
    ]);
    expect(errorsOf(calendar("1M", "Mars/Olympus"))).toEqual([
      "documents[0].spec.timeWindow[0].calendar.timeZone: Mars/Olympus is not an IANA time zone such as Europe/Berlin",
    ]);
    expect(errorsOf(sloDoc({ window: "    - duration: 1M\n      isRolling: false" }))).toEqual([
      "documents[0].spec.timeWindow[0].calendar: a calendar window (isRolling: false) needs calendar.timeZone",
    ]);
  });

  it("says when a calendar startTime is not where Pharos aligns the window", () => {
    const doc = only(
      sloDoc({
        window:
          "    - duration: 1w\n      calendar:\n        startTime: 2024-01-07 00:00:00\n        timeZone: UTC",
      }),
    );
    expect(doc.status).toBe("ok");
    expect(doc.warnings).toContain(
      "documents[0].spec.timeWindow[0].calendar.startTime: Pharos calendar weeks start at 00:00 on each Monday in UTC, not at 2024-01-07 00:00:00; the window keeps the Pharos alignment",
    );
  });

  it("refuses a missing window and more than one", () => {
    const text = sloDoc().replace("  timeWindow:\n    - duration: 30d\n      isRolling: true\n", "");
    expect(errorsOf(text)).toEqual([
      "documents[0].spec.timeWindow: missing; Pharos needs the window the objective is judged over (e.g. 30d rolling)",
    ]);
    expect(
      errorsOf(
        sloDoc({
          window: "    - duration: 30d\n      isRolling: true\n    - duration: 7d\n      isRolling: true",
        }),
      ),
    ).toEqual([
      "documents[0].spec.timeWindow: has 2 windows; OpenSLO and Pharos take exactly one (split the SLO into several documents)",
    ]);
  });

  it("reads Timeslices with slices that tile an hour, and reports a 1-minute slice as not representable", () => {
    const slices = (window: string) =>
      sloDoc({
        budgeting: "Timeslices",
        objectives: `    - target: 0.99\n      timeSliceTarget: 0.9\n      timeSliceWindow: ${window}`,
      });
    expect(inputs(slices("5m"))[0].budgeting).toEqual({
      method: "timeslices",
      sliceMinutes: 5,
      sliceTarget: 0.9,
    });
    expect(inputs(slices("10"))[0].budgeting).toMatchObject({ sliceMinutes: 10 });
    expect(inputs(slices("1h"))[0].budgeting).toMatchObject({ sliceMinutes: 60 });
    expect(errorsOf(slices("1m"))).toEqual([
      "documents[0].spec.objectives[0].timeSliceWindow: 1m is not a Pharos slice (5, 10, 15, 20, 30, 60 minutes, e.g. 5m or 1h)",
    ]);
    expect(errorsOf(slices("7m"))[0]).toMatch(/7m is not a Pharos slice/);
  });

  it("refuses a slice target of 1 and a missing one, by path", () => {
    expect(
      errorsOf(
        sloDoc({
          budgeting: "Timeslices",
          objectives: "    - target: 0.99\n      timeSliceTarget: 1\n      timeSliceWindow: 5m",
        }),
      ),
    ).toEqual([
      "documents[0].spec.objectives[0].timeSliceTarget: The slice target must be below 1: a target of 100 % leaves no error budget.",
    ]);
    expect(
      errorsOf(
        sloDoc({ budgeting: "Timeslices", objectives: "    - target: 0.99\n      timeSliceWindow: 5m" }),
      ),
    ).toEqual([
      "documents[0].spec.objectives[0].timeSliceTarget: missing; Timeslices budgeting needs the good ratio a slice must reach",
    ]);
  });

  it("reports RatioTimeslices and a raw ratio as not representable", () => {
    expect(errorsOf(sloDoc({ budgeting: "RatioTimeslices" }))[0]).toMatch(
      /^documents\[0\]\.spec\.budgetingMethod: RatioTimeslices .* is not representable/,
    );
    const raw = `  indicator:
    metadata: { name: raw }
    spec:
      ratioMetric:
        rawType: success
        raw:
          metricSource: { type: Prometheus, spec: { query: availability_ratio } }`;
    expect(errorsOf(sloDoc({ indicator: raw }))).toEqual([
      "documents[0].spec.indicator.spec.ratioMetric.raw: a precomputed ratio is not representable; Pharos receives good and total counts (use good/total or bad/total)",
    ]);
  });

  const threshold = (query: string, annotations = "") => `  indicator:
    metadata:
      name: p99${annotations}
    spec:
      thresholdMetric:
        metricSource: { type: Prometheus, spec: { query: "${query}" } }`;

  it("reports a threshold compared with gt, or in an unknown unit, and reads the unit from an annotation", () => {
    expect(
      errorsOf(
        sloDoc({
          indicator: threshold("p99_latency_ms"),
          objectives: "    - op: gt\n      value: 5\n      target: 0.99",
        }),
      ),
    ).toEqual([
      'documents[0].spec.objectives[0].op: "gt" is not representable; a threshold metric becomes a Pharos latency SLI, which counts requests under a threshold (op lt or lte)',
    ]);
    const objectives = "    - op: lt\n      value: 250\n      target: 0.99";
    expect(errorsOf(sloDoc({ indicator: threshold("p99(checkout)"), objectives }))[0]).toMatch(
      /value: cannot tell whether 250 is milliseconds or seconds .* pharos\.dev\/latency-unit: ms/,
    );
    const annotated = threshold("p99(checkout)", "\n      annotations: { pharos.dev/latency-unit: ms }");
    expect(inputs(sloDoc({ indicator: annotated, objectives }))[0]).toMatchObject({
      sliKind: "latency",
      latencyThresholdMs: 250,
    });
    expect(inputs(sloDoc({ indicator: threshold("latency_ms"), objectives }))[0].latencyThresholdMs).toBe(
      250,
    );
    expect(
      errorsOf(
        sloDoc({
          indicator: threshold("duration_seconds"),
          objectives: "    - op: lt\n      value: 0.0005\n      target: 0.9",
        }),
      ),
    ).toEqual(["documents[0].spec.objectives[0].value: 0.0005 s is not a whole number of milliseconds"]);
  });

  it("needs an indicator or an indicatorRef that resolves in the file", () => {
    expect(errorsOf(sloDoc({ indicator: "  indicatorRef: nowhere" }))).toEqual([
      'documents[0].spec.indicatorRef: no kind: SLI document named "nowhere" in this file',
    ]);
    expect(errorsOf(sloDoc({ indicator: "  description: none" }))[0]).toMatch(/needs an indicator/);
  });

  it("reads targetPercent, refuses a target that disagrees with it and one of 100 %", () => {
    expect(inputs(sloDoc({ objectives: "    - targetPercent: 99.95" }))[0].target).toBe(0.9995);
    expect(errorsOf(sloDoc({ objectives: "    - target: 0.99\n      targetPercent: 99.9" }))).toEqual([
      "documents[0].spec.objectives[0]: target 0.99 and targetPercent 99.9 disagree; give one",
    ]);
    expect(errorsOf(sloDoc({ objectives: "    - target: 1" }))).toEqual([
      "documents[0].spec.objectives[0].target: The target must be below 1: a target of 100 % leaves no error budget.",
    ]);
    expect(errorsOf(sloDoc({ objectives: "    - displayName: none" }))).toEqual([
      "documents[0].spec.objectives[0]: needs target (e.g. 0.999) or targetPercent (e.g. 99.9)",
    ]);
  });

  it("reads the minimum events from a pharos.dev annotation, and names a bad one by path", () => {
    const meta = (v: string) => `  name: api\n  annotations:\n    pharos.dev/min-events: "${v}"`;
    expect(inputs(sloDoc({ metadata: meta("200") }))[0].minEvents).toBe(200);
    expect(errorsOf(sloDoc({ metadata: meta("lots") }))).toEqual([
      'documents[0].metadata.annotations["pharos.dev/min-events"]: Use a whole number, e.g. 30.',
    ]);
  });

  it("points the schema's own refusals at the field in the file", () => {
    expect(errorsOf(sloDoc({ metadata: `  name: api\n  displayName: ${"x".repeat(130)}` }))).toEqual([
      "documents[0].metadata.displayName: The name must be at most 120 characters.",
    ]);
    expect(errorsOf(sloDoc().replace("service: api", "service: Not A Slug!"))[0]).toMatch(
      /^documents\[0\]\.spec\.service: /,
    );
  });

  it("refuses another apiVersion of an SLO, and skips documents of other kinds or formats with the reason", () => {
    expect(errorsOf(sloDoc().replace("openslo/v1", "openslo/v1alpha"))).toEqual([
      'documents[0].apiVersion: "openslo/v1alpha" is not supported; Pharos reads openslo/v1',
    ]);
    const docs = parseOpenSlo(
      "apiVersion: openslo/v1\nkind: Dashboard\nmetadata: { name: d }\n---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: c }\n",
    );
    expect(docs.map((d) => [d.status, d.reason])).toEqual([
      ["skipped", 'kind "Dashboard" is not one Pharos imports'],
      ["skipped", 'not an OpenSLO v1 document (apiVersion "backstage.io/v1alpha1", kind "Component")'],
    ]);
  });

  it("reports bad YAML on its own document and still reads the others", () => {
    const docs = parseOpenSlo(`${sloDoc()}---\nkind: SLO\nmetadata: [unclosed\n---\n${sloDoc()}`);
    expect(docs.map((d) => d.status)).toEqual(["ok", "error", "ok"]);
    expect(docs[1].errors[0]).toMatch(/^documents\[1\]: YAML syntax error: /);
    expect(parseOpenSlo("- just\n- a list\n")[0].errors).toEqual([
      "documents[0]: not a mapping with apiVersion, kind, metadata and spec",
    ]);
    expect(parseOpenSlo("")[0].errors).toEqual([
      "documents[0]: The file is empty: it contains no YAML documents.",
    ]);
  });

  it("reports an SLI nothing uses as skipped", () => {
    const docs = parseOpenSlo(
      "apiVersion: openslo/v1\nkind: SLI\nmetadata: { name: lonely }\nspec: { ratioMetric: {} }\n",
    );
    expect(docs[0]).toMatchObject({
      status: "skipped",
      reason: expect.stringMatching(/not used by any SLO/),
    });
  });
});
