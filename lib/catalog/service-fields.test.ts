import { getTableColumns } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { services } from "@/db/schema";
import { ServiceSchema } from "@/lib/api/schemas";
import { toServiceImport } from "./import/plan";
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

  it("reaches the API's answer and the import's view of a service", () => {
    const answered = Object.keys(ServiceSchema.shape);
    expect(SERVICE_COLUMN_FIELDS.filter((field) => !answered.includes(field))).toEqual([]);
    // Every column set on a stored service comes through to the import's comparison.
    const stored = Object.fromEntries(
      SERVICE_COLUMN_FIELDS.map((field) => [
        field,
        field === "lastDrTestAt" ? new Date(0) : `value of ${field}`,
      ]),
    );
    const seen = toServiceImport({ ...stored, slug: "s", annotations: {} } as never, "team", []);
    for (const field of SERVICE_COLUMN_FIELDS)
      expect(seen[field], field).toEqual(
        field === "lastDrTestAt" ? new Date(0).toISOString() : `value of ${field}`,
      );
  });
});
