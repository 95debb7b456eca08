import { getTableColumns } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { services } from "@/db/schema";
import { createServiceInput, SERVICE_COLUMN_FIELDS } from "./schemas";

describe("the one list of service fields", () => {
  it("names only real columns of services", () => {
    const columns = Object.keys(getTableColumns(services));
    expect(SERVICE_COLUMN_FIELDS.filter((field) => !columns.includes(field))).toEqual([]);
  });

  it("is every field of the create schema but the slug, owner and dependencies", () => {
    const fields = Object.keys(createServiceInput.shape).filter(
      (key) => !["slug", "ownerTeam", "dependsOn"].includes(key),
    );
    expect([...SERVICE_COLUMN_FIELDS].sort()).toEqual(fields.sort());
    expect(SERVICE_COLUMN_FIELDS).toContain("runbookUrl");
  });
});
