import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashGate } from "./hash-gate";

const tick = () => new Promise((r) => setTimeout(r, 1));

describe("hashGate", () => {
  it("never runs more than its slots at once, and runs every job", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 30 }),
        async (slots, jobs) => {
          const gated = hashGate(slots);
          let running = 0;
          let most = 0;
          const results = await Promise.all(
            Array.from({ length: jobs }, (_, i) =>
              gated(async () => {
                running++;
                most = Math.max(most, running);
                await tick();
                running--;
                return i;
              }),
            ),
          );
          expect(results).toEqual(Array.from({ length: jobs }, (_, i) => i));
          expect(most).toBeLessThanOrEqual(slots);
          if (jobs >= slots) expect(most).toBe(slots);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("frees the slot of a job that fails", async () => {
    const gated = hashGate(1);
    await expect(gated(() => Promise.reject(new Error("bad hash")))).rejects.toThrow("bad hash");
    expect(await gated(async () => "next")).toBe("next");
  });

  it("starts queued jobs in arrival order", async () => {
    const gated = hashGate(1);
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3].map((n) =>
        gated(async () => {
          await tick();
          order.push(n);
        }),
      ),
    );
    expect(order).toEqual([1, 2, 3]);
  });
});
