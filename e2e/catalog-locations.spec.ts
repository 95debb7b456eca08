import http from "node:http";
import type { AddressInfo } from "node:net";
import { expectAccessible, signInAs, snap } from "./support/session";
import { expect, type Page, test } from "./support/test";

const component = (name: string, deps: string[]) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: ${name}, title: Synced Journey }\nspec: { type: service, lifecycle: production, owner: payments, dependsOn: [${deps.map((d) => `component:default/${d}`).join(", ")}] }\n`;

/** The file server the location reads from: its answer is whatever the journey sets. */
let served: { status: number; body: string } = { status: 404, body: "not yet" };
const server = http.createServer((_req, res) => {
  res.writeHead(served.status, { "content-type": "application/yaml" }).end(served.body);
});
test.beforeAll(() => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve)));
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function theme(page: Page, name: "Dark" | "Light") {
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitemradio", { name: new RegExp(name) }).click();
  await expect(page.locator("html")).toHaveClass(name === "Dark" ? /dark/ : /^(?!.*dark)/);
}

async function noOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe("catalog locations", () => {
  test("an engineer syncs a service from a URL, and a refresh that drops a dependency waits for review", async ({
    page,
  }) => {
    const name = `location-journey-${Date.now().toString(36)}`;
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${name}/catalog-info.yaml`;
    await signInAs(page, "engineer");
    await page.goto("/services/import");
    await page.getByTestId("locations-link").click();
    await expect(page.getByRole("heading", { level: 1, name: "Catalog locations" })).toBeVisible();

    // A URL Pharos may not fetch is refused beside the field.
    const urlField = page.getByLabel("URL of a catalog-info.yaml");
    await urlField.fill("http://catalog.example.com/catalog-info.yaml");
    await page.getByRole("button", { name: "Register location" }).click();
    await expect(page.getByTestId("error-location-url")).toHaveText("Use an https:// URL.");

    await urlField.fill(url);
    await page.getByLabel("Token header (optional)").fill("X-Catalog-Token");
    await page.getByLabel("Header value").fill("journey-secret");
    await page.getByRole("button", { name: "Register location" }).click();
    await expect(page.getByTestId("form-success")).toBeVisible();
    const location = page.locator(`[data-testid="location"][data-url="${url}"]`);
    await expect(location.getByTestId("location-header")).toHaveText("X-Catalog-Token: set");
    await expect(page.getByText("journey-secret")).toHaveCount(0);

    // Nothing served yet: the failure and its reason are recorded.
    await location.getByTestId("refresh-location").click();
    await expect(location.getByTestId("location-result")).toHaveText("Failed");
    await expect(location.getByTestId("location-error")).toHaveText("The server answered 404 Not Found.");

    served = { status: 200, body: component(name, ["ledger", "event-bus"]) };
    await location.getByTestId("refresh-location").click();
    await expect(location.getByTestId("location-result")).toHaveText("Applied");
    await expect(location.getByTestId("location-error")).toHaveCount(0);
    await expect(location.getByTestId("location-time")).toHaveAttribute("title", /UTC$/);

    // The file drops a dependency: held with its diff, applied only once confirmed.
    served = { status: 200, body: component(name, ["ledger"]) };
    await location.getByTestId("refresh-location").click();
    await expect(location.getByTestId("location-result")).toHaveText("Held for review");
    // The click's toast is toned by the result: a held refresh is a warning, not a success.
    await expect(page.locator('[data-sonner-toast][data-type="warning"]')).toContainText("held for review");
    const held = location.getByTestId("held-refresh");
    await expect(held.getByTestId("plan-warning")).toHaveText(["⚠ Removes the dependency on event-bus"]);
    await expect(held.getByTestId("plan-diff")).toContainText("event-bus, ledger → ledger");
    await expect(held.getByTestId("apply-held")).toBeDisabled();

    await expectAccessible(page);
    await snap(page, "locations-held");
    await page.setViewportSize({ width: 1440, height: 900 });
    await snap(page, "locations-held-1440");
    await page.setViewportSize({ width: 375, height: 812 });
    await noOverflow(page);
    await snap(page, "narrow-locations-held");
    await theme(page, "Dark");
    await expectAccessible(page);
    await noOverflow(page);
    await snap(page, "narrow-dark-locations-held");
    await page.setViewportSize({ width: 1280, height: 720 });
    await snap(page, "dark-locations-held");
    await page.setViewportSize({ width: 1440, height: 900 });
    await snap(page, "dark-locations-held-1440");
    await page.setViewportSize({ width: 1280, height: 720 });
    await theme(page, "Light");

    await held.getByTestId("confirm-removals").getByRole("checkbox").check();
    await held.getByTestId("apply-held").click();
    await expect(location.getByTestId("location-result")).toHaveText("Applied");
    await expect(location.getByTestId("held-refresh")).toHaveCount(0);
    await snap(page, "locations-applied");

    await page.goto(`/services/${name}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Synced Journey");
    await page.goto("/services/import");
    await snap(page, "import-with-locations-link");
  });

  test("a viewer reads how each location last went, without the controls", async ({ page }) => {
    await signInAs(page, "viewer");
    await page.goto("/services/import/locations");
    await expect(page.getByRole("heading", { level: 1, name: "Catalog locations" })).toBeVisible();
    const location = page.getByTestId("location").first();
    await expect(location.getByTestId("location-result")).toHaveText("Applied");
    await expect(page.getByTestId("location-form")).toHaveCount(0);
    await expect(page.getByTestId("refresh-location")).toHaveCount(0);
    await expectAccessible(page);
    await snap(page, "viewer-locations");
  });
});
