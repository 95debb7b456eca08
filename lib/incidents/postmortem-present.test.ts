import { describe, expect, it } from "vitest";
import { POSTMORTEM_SECTIONS } from "@/db/schema/incidents";
import { dayLabel, dueWords, SECTION_HELP } from "./postmortem-present";

const at = (iso: string) => new Date(iso);

describe("dueWords", () => {
  it("counts calendar days from today's UTC day, whatever the hour", () => {
    expect(dueWords("2026-12-04", at("2026-12-04T23:59:00Z"))).toBe("due today");
    expect(dueWords("2026-12-05", at("2026-12-04T00:01:00Z"))).toBe("due tomorrow");
    expect(dueWords("2026-12-09", at("2026-12-04T12:00:00Z"))).toBe("due in 5 days");
    expect(dueWords("2026-12-03", at("2026-12-04T12:00:00Z"))).toBe("1 day late");
    expect(dueWords("2026-11-24", at("2026-12-04T12:00:00Z"))).toBe("10 days late");
  });

  it("says nothing for a day it cannot read", () => {
    expect(dueWords("soon", at("2026-12-04T12:00:00Z"))).toBe("");
  });
});

describe("dayLabel", () => {
  it("reads a due day as a calendar day, in no zone", () => {
    expect(dayLabel("2026-12-04")).toBe("Fri 4 Dec 2026");
    expect(dayLabel("not a day")).toBe("not a day");
  });
});

it("has guidance for every section of the template", () => {
  expect(Object.keys(SECTION_HELP).sort()).toEqual([...POSTMORTEM_SECTIONS].sort());
});
