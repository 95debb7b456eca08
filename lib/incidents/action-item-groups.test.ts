import { describe, expect, it } from "vitest";
import { dueGroup, groupByDue } from "./action-item-groups";

const now = new Date("2026-12-04T15:00:00Z");
const item = (status: "open" | "in_progress" | "done" | "wont_do", dueOn: string | null) => ({
  status,
  dueOn,
});

describe("dueGroup", () => {
  it("puts open work by its due day, counted in UTC days", () => {
    expect(dueGroup(item("open", "2026-12-03"), now)).toBe("overdue");
    expect(dueGroup(item("in_progress", "2026-12-04"), now)).toBe("week");
    expect(dueGroup(item("open", "2026-12-11"), now)).toBe("week");
    expect(dueGroup(item("open", "2026-12-12"), now)).toBe("later");
    expect(dueGroup(item("open", null), now)).toBe("undated");
  });

  it("puts finished work last whatever its due day", () => {
    expect(dueGroup(item("done", "2026-01-01"), now)).toBe("finished");
    expect(dueGroup(item("wont_do", null), now)).toBe("finished");
  });
});

describe("groupByDue", () => {
  it("orders the groups as work is picked up and keeps each group's order", () => {
    const items = [
      { id: "a", ...item("done", "2026-11-01") },
      { id: "b", ...item("open", "2026-12-20") },
      { id: "c", ...item("open", "2026-12-01") },
      { id: "d", ...item("open", "2026-11-30") },
    ];
    const groups = groupByDue(items, now);
    expect(groups.map((g) => g.group)).toEqual(["overdue", "later", "finished"]);
    expect(groups[0].items.map((i) => i.id)).toEqual(["c", "d"]);
  });

  it("leaves nothing out and adds nothing", () => {
    expect(groupByDue([], now)).toEqual([]);
  });
});
