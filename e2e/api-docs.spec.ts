import { expect, test } from "./support/test";

// The fixture in ./support/test fails the test on any Content-Security-Policy violation.
test("the API reference renders the generated document under the CSP, with nothing fetched from outside", async ({
  page,
}) => {
  const outside: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith("http://localhost")) outside.push(request.url());
  });
  await page.goto("/api/docs");
  await expect(page.getByRole("heading", { name: "Pharos API" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("List services").first()).toBeVisible();
  await page.waitForTimeout(1500);
  expect(outside).toEqual([]);
});
