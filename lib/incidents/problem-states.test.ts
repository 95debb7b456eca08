import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROBLEM_STATES } from "@/db/schema/incidents";
import { canMoveProblem, PROBLEM_MOVES, stampsFor, stateErrors } from "./problem-states";

describe("problem states", () => {
  it("goes new → investigating → known error → resolved or risk accepted, and reopens to investigating", () => {
    expect(canMoveProblem("new", "investigating")).toBe(true);
    expect(canMoveProblem("investigating", "known_error")).toBe(true);
    expect(canMoveProblem("known_error", "resolved")).toBe(true);
    expect(canMoveProblem("known_error", "risk_accepted")).toBe(true);
    expect(canMoveProblem("resolved", "investigating")).toBe(true);
    expect(canMoveProblem("new", "known_error")).toBe(false);
    expect(canMoveProblem("investigating", "resolved")).toBe(false);
    expect(canMoveProblem("risk_accepted", "resolved")).toBe(false);
  });

  it("every state is reachable from new and can get back to investigating", () => {
    const reach = (from: string) => {
      const seen = new Set([from]);
      const queue = [from];
      while (queue.length) {
        for (const next of PROBLEM_MOVES[queue.shift() as keyof typeof PROBLEM_MOVES]) {
          if (seen.has(next)) continue;
          seen.add(next);
          queue.push(next);
        }
      }
      return seen;
    };
    expect([...reach("new")].sort()).toEqual([...PROBLEM_STATES].sort());
    for (const s of PROBLEM_STATES) if (s !== "new") expect(reach(s).has("investigating")).toBe(true);
  });

  it("a known error needs a root cause or a workaround; accepting a risk needs a reason", () => {
    expect(Object.keys(stateErrors("known_error", { rootCause: " ", workaround: "" }))).toEqual([
      "rootCause",
      "workaround",
    ]);
    expect(stateErrors("known_error", { rootCause: "", workaround: "Restart the pod." })).toEqual({});
    expect(stateErrors("risk_accepted", { rootCause: "x", workaround: "", reason: "" })).toHaveProperty(
      "reason",
    );
    expect(stateErrors("risk_accepted", { rootCause: "x", workaround: "", reason: "EOL in Q1." })).toEqual(
      {},
    );
    expect(stateErrors("investigating", { rootCause: "", workaround: "" })).toEqual({});
    // An accepted risk is not asked for its reason again on every later edit.
    expect(stateErrors("risk_accepted", { rootCause: "x", workaround: "" }, false)).toEqual({});
    expect(stateErrors("known_error", { rootCause: "", workaround: "" }, false)).toHaveProperty("rootCause");
  });

  it("stamps known error and resolution on the way in, and clears the resolution on reopening", () => {
    const now = new Date("2026-12-01T00:00Z");
    expect(stampsFor("investigating", "known_error", now)).toEqual({ knownErrorAt: now });
    expect(stampsFor("known_error", "resolved", now)).toEqual({ resolvedAt: now });
    expect(stampsFor("resolved", "investigating", now)).toEqual({ resolvedAt: null });
    fc.assert(
      fc.property(fc.constantFrom(...PROBLEM_STATES), fc.constantFrom(...PROBLEM_STATES), (from, to) => {
        const stamps = stampsFor(from, to, now);
        if (to !== "resolved") expect(stamps.resolvedAt ?? null).toBeNull();
        if (to === "resolved") expect(stamps.resolvedAt).toBe(now);
      }),
    );
  });
});
