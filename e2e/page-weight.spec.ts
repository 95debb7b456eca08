import { signInAs } from "./support/session";
import { expect, test } from "./support/test";

/*
 * What a first visit to the catalog costs the browser: budgets, not timings. Each fails when
 * a change sends more (a chunk split off, a prefetch on every link, markup sent twice).
 */

const MAX_REQUESTS_AFTER_DOCUMENT = 10;
const MAX_DOCUMENT_BYTES = 60_000;

test.describe("the catalog's first visit", () => {
  test(`makes at most ${MAX_REQUESTS_AFTER_DOCUMENT} requests after the document`, async ({ page }) => {
    await signInAs(page, "engineer");
    // A new context's first visit: nothing cached from the sign-in page.
    const fresh = await page
      .context()
      .browser()!
      .newContext({
        storageState: await page.context().storageState(),
        baseURL: test.info().project.use.baseURL,
      });
    const visit = await fresh.newPage();
    const requests: string[] = [];
    visit.on("request", (r) => requests.push(`${r.method()} ${r.url()}`));
    await visit.goto("/services", { waitUntil: "networkidle" });
    // Hover a row and the navigation: prefetching on sight or on hover would show up here.
    await visit.getByTestId("service-row-api-gateway").getByRole("link").first().hover();
    await visit.getByRole("navigation", { name: "Main" }).getByRole("link").nth(1).hover();
    await visit.waitForLoadState("networkidle");
    const [document, ...after] = requests;
    expect(document).toMatch(/GET .*\/services$/);
    expect(after.length, after.join("\n")).toBeLessThanOrEqual(MAX_REQUESTS_AFTER_DOCUMENT);
    await fresh.close();
  });

  test(`sends a document under ${MAX_DOCUMENT_BYTES / 1000} KB, markup and RSC payload together`, async ({
    page,
  }) => {
    await signInAs(page, "engineer");
    for (const path of ["/services", "/services?lifecycle=production", "/services?page=2"]) {
      const response = await page.request.get(path);
      expect(response.status()).toBe(200);
      const bytes = (await response.body()).length;
      expect(bytes, `${path}: ${bytes} bytes`).toBeLessThan(MAX_DOCUMENT_BYTES);
    }
  });
});

test("the service page's document stays under the same budget, the busiest service at three hops too", async ({
  page,
}) => {
  await signInAs(page, "admin");
  for (const path of [
    "/services/ledger",
    "/services/postgres-primary",
    "/services/postgres-primary?hops=3",
  ]) {
    const response = await page.request.get(path);
    expect(response.status()).toBe(200);
    const bytes = (await response.body()).length;
    expect(bytes, `${path}: ${bytes} bytes`).toBeLessThan(MAX_DOCUMENT_BYTES);
  }
});

/**
 * The engineer's home spells out every failing readiness rule of up to 15 services (with the
 * demo's overdue action items, most fail one more), beside their incidents and action items:
 * more than a catalog page, but bounded all the same.
 */
const MAX_HOME_BYTES = 95_000;

test(`the engineer's home, incidents and action items included, sends under ${MAX_HOME_BYTES / 1000} KB`, async ({
  page,
}) => {
  await signInAs(page, "engineer");
  await expect(page.getByTestId("my-action-items")).toBeVisible();
  const response = await page.request.get("/");
  expect(response.status()).toBe(200);
  const bytes = (await response.body()).length;
  expect(bytes, `/: ${bytes} bytes`).toBeLessThan(MAX_HOME_BYTES);
});
