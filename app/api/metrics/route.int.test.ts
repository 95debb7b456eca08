import { afterEach, describe, expect, it } from "vitest";
import { withTestDatabase } from "@/tests/database";
import { GET } from "./route";

withTestDatabase();

const TOKEN = "metrics-token-for-tests-6c2f";

function scrape(authorization?: string) {
  return GET(
    new Request("http://localhost/api/metrics", {
      headers: authorization ? { authorization } : {},
    }),
  );
}

afterEach(() => {
  delete process.env.PHAROS_METRICS_TOKEN;
});

describe("/api/metrics", () => {
  it("is open when PHAROS_METRICS_TOKEN is unset", async () => {
    const response = await scrape();
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("pharos_db_up 1");
  });

  it("asks for the bearer token when it is set", async () => {
    process.env.PHAROS_METRICS_TOKEN = TOKEN;
    const missing = await scrape();
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe('Bearer realm="pharos-metrics"');
    expect(missing.headers.get("cache-control")).toBe("no-store");
    expect(await missing.text()).not.toContain("pharos_");

    for (const wrong of [
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      "Bearer ",
      `Basic ${TOKEN}`,
      TOKEN,
    ]) {
      const response = await scrape(wrong);
      expect(response.status, wrong).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe(
        'Bearer realm="pharos-metrics", error="invalid_token"',
      );
    }

    const allowed = await scrape(`Bearer ${TOKEN}`);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("content-type")).toContain("text/plain");
    expect(await allowed.text()).toContain("pharos_db_up");
    expect((await scrape(`bearer ${TOKEN}`)).status).toBe(200);
  });

  it("treats a blank setting as unset", async () => {
    process.env.PHAROS_METRICS_TOKEN = "   ";
    expect((await scrape()).status).toBe(200);
  });
});
