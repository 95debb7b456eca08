import { describe, expect, it } from "vitest";
import { updateTeam } from "@/lib/admin/team-commands";
import { cliActor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/command/execute";
import { demo } from "@/tests/catalog/fixtures";
import { withTestDatabase } from "@/tests/database";
import { addDependency } from "./dependency-commands";
import { dependencyGraph } from "./graph-cache";

const t = withTestDatabase();

const nodeBySlug = async (slug: string) => {
  const graph = await dependencyGraph(t.db);
  return graph.nodes.find((n) => n.slug === slug)!;
};

describe("the in-memory dependency graph", () => {
  it("is reused while nothing changes, and reloaded after any catalog or team write", async () => {
    const { admin } = await demo(t.db);
    const first = await dependencyGraph(t.db);
    expect(await dependencyGraph(t.db)).toBe(first);

    // A team rename shows in grouped neighbourhoods and blast radius lists at once.
    const payments = await nodeBySlug("payments-api");
    const renamed = await executeCommand(updateTeam, cliActor, {
      slug: payments.teamSlug!,
      name: "Payments & Billing",
      description: "",
    });
    expect(renamed.ok).toBe(true);
    expect((await nodeBySlug("payments-api")).teamName).toBe("Payments & Billing");

    const before = await dependencyGraph(t.db);
    const added = await executeCommand(addDependency, admin, { slug: "cdn-edge", dependsOn: "payments-api" });
    expect(added.ok).toBe(true);
    const after = await dependencyGraph(t.db);
    expect(after).not.toBe(before);
    const i = after.indexOf.get(payments.id)!;
    const direct = Array.from(
      after.dependents.subarray(after.start[i], after.start[i + 1]),
      (j) => after.nodes[j].slug,
    );
    expect(direct).toContain("cdn-edge");
  });
});
