import { beforeAll, describe, expect, it } from "vitest";
import * as catchAll from "@/app/api/v1/[[...path]]/route";
import { seedDemo } from "@/db/seed/demo";
import { withTestDatabase } from "../database";
import { call, tokenFor } from "./helpers";

/** The door `next dev` and `next start` use: the same router, mounted in one route file. */
const t = withTestDatabase();
let admin: string;

beforeAll(async () => {
  await seedDemo(t.db, new Date(), { sloHistoryDays: 1 });
  admin = (await tokenFor(t.db, "admin")).token;
});

describe("the catch-all route", () => {
  it("hands reads and writes with bodies to the router", async () => {
    const created = await catchAll.POST(
      call("/api/v1/teams", { method: "POST", token: admin, body: { slug: "catch-all", name: "Catch all" } }),
    );
    expect(created.status).toBe(201);
    expect((await created.json()).slug).toBe("catch-all");
    const missing = await catchAll.GET(call("/api/v1/nowhere", { token: admin }));
    expect(missing.status).toBe(404);
  });

  it("leaves compression to Next, which compresses route answers itself", async () => {
    const request = new Request("http://localhost/api/v1/services?pageSize=50", {
      headers: { authorization: `Bearer ${admin}`, "accept-encoding": "gzip" },
    });
    const response = await catchAll.GET(request);
    expect(response.headers.get("content-encoding")).toBeNull();
    expect((await response.json()).items.length).toBeGreaterThan(0);
  });
});
