import { beforeAll, describe, expect, it } from "vitest";
import { getHandle } from "@/db/client";
import { tokenFor } from "@/tests/api/helpers";
import { withTestDatabase } from "@/tests/database";
import { type ApiCall, eagerReadReply } from "./rest";

const t = withTestDatabase();
let viewer: string;
beforeAll(async () => {
  viewer = (await tokenFor(t.db, "viewer", ["read"])).token;
});

const callWith = (authorization: string | null): ApiCall => ({
  authorization,
  params: new URLSearchParams(),
  url: "/api/v1/test",
});

describe("eagerReadReply", () => {
  it("reads for an allowed caller and answers 404 for nothing", async () => {
    expect(
      await eagerReadReply(callWith(`Bearer ${viewer}`), "catalog.read", async () => ({ a: 1 })),
    ).toEqual({
      status: 200,
      body: { a: 1 },
    });
    expect(
      (await eagerReadReply(callWith(`Bearer ${viewer}`), "catalog.read", async () => null)).status,
    ).toBe(404);
  });

  it("costs no read for a missing or foreign credential", async () => {
    let reads = 0;
    const read = async () => {
      reads += 1;
      return { secret: "catalog" };
    };
    for (const header of [null, "Basic dXNlcjpwYXNz", "Bearer not-one-of-ours", "pharos_abc"]) {
      const reply = await eagerReadReply(callWith(header), "catalog.read", read);
      expect(reply.status).toBe(401);
      expect(reply.body).not.toHaveProperty("secret");
    }
    expect(reads).toBe(0);
  });

  it("overlaps only where there is a pool, and never lets a refused read's failure escape", async () => {
    let reads = 0;
    const failing = async () => {
      reads += 1;
      throw new Error("the read failed");
    };
    const reply = await eagerReadReply(callWith("Bearer pharos_forged"), "catalog.read", failing);
    expect(reply.status).toBe(401);
    // With a pool the read ran alongside the token check; on PGlite it never started.
    expect(reads).toBe(getHandle().poolMax > 1 ? 1 : 0);
    const allowed = await eagerReadReply(callWith(`Bearer ${viewer}`), "catalog.read", failing);
    expect(allowed).toMatchObject({ status: 500, body: { error: { code: "internal" } } });
  });
});
