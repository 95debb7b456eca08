import { afterEach, describe, expect, it } from "vitest";
import { STAMPED_BY_SERVER } from "./client-address.mjs";
import { requestFacts } from "./request-facts";

const marker = globalThis as { [STAMPED_BY_SERVER]?: boolean };
const forged = new Headers({
  "x-pharos-client-address": "10.9.9.9",
  "x-pharos-client-https": "1",
  "x-forwarded-for": "10.9.9.9",
  "user-agent": "Mozilla/5.0",
});

afterEach(() => {
  delete marker[STAMPED_BY_SERVER];
  delete process.env.AUTH_URL;
});

describe("requestFacts", () => {
  it("under next start or next dev believes no header: the address is unknown", () => {
    expect(requestFacts(forged)).toEqual({ address: null, https: false, userAgent: "Mozilla/5.0" });
    process.env.AUTH_URL = "https://pharos.example";
    expect(requestFacts(forged).https).toBe(true);
  });

  it("under the production server reads what it stamped", () => {
    marker[STAMPED_BY_SERVER] = true;
    expect(requestFacts(forged)).toEqual({ address: "10.9.9.9", https: true, userAgent: "Mozilla/5.0" });
    expect(requestFacts(new Headers({ "x-pharos-client-address": "" })).address).toBeNull();
  });
});
