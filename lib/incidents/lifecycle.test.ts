import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INCIDENT_STATUSES, INCIDENT_TIMES, type IncidentStatus } from "@/db/schema/incidents";
import {
  canMove,
  laterTimes,
  NEXT_STATUSES,
  requiredTimes,
  type Times,
  timeErrors,
  timesAfterMove,
  timesInOrder,
} from "./lifecycle";

const NOW = new Date("2026-12-04T12:00:00Z");
const t = (iso: string) => new Date(`2026-12-04T${iso}:00Z`);
const none: Times = {
  impactStartedAt: null,
  detectedAt: null,
  declaredAt: t("10:00"),
  acknowledgedAt: null,
  mitigatedAt: null,
  resolvedAt: null,
  closedAt: null,
};

/** Times within the day before NOW, each field present or not. */
const times = fc
  .tuple(...INCIDENT_TIMES.map(() => fc.option(fc.integer({ min: 0, max: 86_400_000 }), { nil: null })))
  .map((offsets) => {
    const result = { ...none };
    INCIDENT_TIMES.forEach((field, i) => {
      const offset = offsets[i];
      result[field] = offset === null ? null : new Date(NOW.getTime() - offset);
    });
    if (!result.declaredAt) result.declaredAt = new Date(NOW.getTime() - 3_600_000);
    return result;
  });
const status = fc.constantFrom(...INCIDENT_STATUSES);

/** A status with times valid for it: set times in order, the status's own set, later ones unset. */
const validIncident = fc
  .tuple(
    status,
    fc.array(fc.integer({ min: 1, max: 86_400_000 }), { minLength: 7, maxLength: 7 }),
    fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
  )
  .map(([s, offsets, keep]) => {
    const sorted = [...offsets].sort((a, b) => b - a);
    const ts = { ...none };
    INCIDENT_TIMES.forEach((field, i) => {
      const required = field === "declaredAt" || requiredTimes(s).includes(field);
      ts[field] = keep[i] || required ? new Date(NOW.getTime() - sorted[i]) : null;
    });
    for (const field of laterTimes(s)) ts[field] = null;
    return { status: s, times: ts };
  });

describe("status flow", () => {
  it("allows the documented moves and nothing out of a final status", () => {
    expect(canMove("open", "mitigated")).toBe(true);
    expect(canMove("open", "closed")).toBe(false);
    expect(canMove("resolved", "closed")).toBe(true);
    expect(canMove("resolved", "open")).toBe(true);
    for (const final of ["closed", "cancelled", "duplicate"] as IncidentStatus[]) {
      for (const to of INCIDENT_STATUSES) expect(canMove(final, to)).toBe(false);
    }
  });

  it("never lists a status as its own successor", () => {
    for (const from of INCIDENT_STATUSES) expect(NEXT_STATUSES[from]).not.toContain(from);
  });

  it("every status is reachable from open", () => {
    const seen = new Set<IncidentStatus>(["open"]);
    const queue: IncidentStatus[] = ["open"];
    while (queue.length) {
      for (const next of NEXT_STATUSES[queue.shift() as IncidentStatus]) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    expect([...seen].sort()).toEqual([...INCIDENT_STATUSES].sort());
  });
});

describe("timestamp order", () => {
  it("names the field out of order and the time it precedes", () => {
    const errors = timeErrors({ ...none, detectedAt: t("09:00"), impactStartedAt: t("09:30") }, "open", NOW);
    expect(errors.detectedAt).toBe(
      "Detected (2026-12-04 09:00 UTC) cannot be before impact started (2026-12-04 09:30 UTC).",
    );
    expect(Object.keys(errors)).toEqual(["detectedAt"]);
  });

  it("rejects a resolution before the declaration even with nothing set in between", () => {
    const errors = timeErrors({ ...none, resolvedAt: t("09:59") }, "resolved", NOW);
    expect(errors.resolvedAt).toMatch(/cannot be before declared/);
  });

  it("requires the times a status records and refuses the future", () => {
    expect(timeErrors(none, "closed", NOW)).toEqual({
      resolvedAt: 'A closed incident needs its "Resolved" time.',
      closedAt: 'A closed incident needs its "Closed" time.',
    });
    expect(timeErrors({ ...none, mitigatedAt: t("10:30") }, "open", NOW).mitigatedAt).toBe(
      'An incident that is open has no "Mitigated" time yet.',
    );
    expect(
      timeErrors({ ...none, acknowledgedAt: new Date(NOW.getTime() + 3_600_000) }, "open", NOW)
        .acknowledgedAt,
    ).toBe("Acknowledged cannot be in the future.");
  });

  it("accepts times exactly when they are in order, present for the status and not ahead of the clock", () => {
    fc.assert(
      fc.property(times, status, (ts, s) => {
        const ok = Object.keys(timeErrors(ts, s, NOW)).length === 0;
        const present = requiredTimes(s).every((f) => ts[f] !== null);
        const notYet = laterTimes(s).every((f) => ts[f] === null);
        expect(ok).toBe(timesInOrder(ts) && present && notYet);
      }),
    );
  });
});

describe("moving keeps the times valid", () => {
  it("any allowed move from valid times at a later moment leaves valid times for the new status", () => {
    fc.assert(
      fc.property(
        validIncident,
        fc.integer({ min: 0, max: 600_000 }),
        ({ status: from, times: ts }, later) => {
          expect(timeErrors(ts, from, NOW)).toEqual({});
          const now = new Date(NOW.getTime() + later);
          for (const to of NEXT_STATUSES[from]) {
            const after = timesAfterMove(ts, to, now);
            expect(timeErrors(after, to, now)).toEqual({});
            expect(after.declaredAt).toEqual(ts.declaredAt);
          }
        },
      ),
    );
  });

  it("reopening clears mitigation and resolution; resolving marks mitigation", () => {
    const resolved = timesAfterMove(none, "resolved", t("11:00"));
    expect(resolved.mitigatedAt).toEqual(t("11:00"));
    expect(resolved.resolvedAt).toEqual(t("11:00"));
    const reopened = timesAfterMove(resolved, "open", t("11:30"));
    expect(reopened.mitigatedAt).toBeNull();
    expect(reopened.resolvedAt).toBeNull();
  });
});
