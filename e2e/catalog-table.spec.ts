import { expectAccessible, signInAs, snap } from "./support/session";
import { expect, type Page, test } from "./support/test";

/** Whether the page scrolls sideways: the table must fit without it. */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => {
    const table = document.querySelector("table");
    const box = table?.parentElement;
    return {
      page: document.scrollingElement!.scrollWidth - window.innerWidth,
      table: box ? box.scrollWidth - box.clientWidth : 0,
    };
  });

test.describe("the catalog table", () => {
  for (const width of [1280, 1440]) {
    test(`shows every default column without sideways scrolling at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await signInAs(page, "viewer");
      await page.goto("/services");
      const headers = page.locator("thead th");
      await expect(headers).toHaveText(["Service", "Owner", "Tier", "Readiness", "Verified"]);
      for (const h of await headers.all()) await expect(h).toBeInViewport();
      expect(await sidewaysOverflow(page)).toEqual({ page: 0, table: 0 });
      // Badges keep their whole text: none is clipped by its cell.
      const clipped = await page.evaluate(
        () =>
          [...document.querySelectorAll("tbody td .badge, tbody td .level")].filter(
            (b) => b.scrollWidth > b.clientWidth + 1,
          ).length,
      );
      expect(clipped).toBe(0);
      await snap(page, `services-table-${width}`);
    });
  }

  test("shows cards below 640 px, and no page scrolls sideways at 375 px", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await signInAs(page, "engineer");
    await page.goto("/services");
    await expect(page.locator("thead")).toBeHidden();
    const card = page.getByTestId("service-row-ledger");
    await expect(card).toBeVisible();
    await expect(card).toContainText("Payments");
    await expect(card).toContainText("Tier 0");
    // A card: its facts sit below the name, not beside it in columns off the screen.
    const name = await card.getByRole("link", { name: "Ledger", exact: true }).boundingBox();
    const tier = await card.getByText("Tier 0").boundingBox();
    expect(tier!.y).toBeGreaterThan(name!.y + name!.height);
    expect(await sidewaysOverflow(page)).toEqual({ page: 0, table: 0 });
    await snap(page, "services-cards-375");
  });

  test("a column choice is kept for the person across reloads", async ({ page }) => {
    await signInAs(page, "viewer");
    await page.goto("/services");
    await page.getByTestId("column-chooser").click();
    await page.getByRole("menuitemcheckbox", { name: "Domain" }).click();
    await page.getByRole("menuitemcheckbox", { name: "Verified" }).click();
    await page.keyboard.press("Escape");
    await expect(page.locator("thead th")).toHaveText(["Service", "Owner", "Tier", "Readiness", "Domain"]);
    await page.reload();
    await expect(page.locator("thead th")).toHaveText(["Service", "Owner", "Tier", "Readiness", "Domain"]);
    expect(await sidewaysOverflow(page)).toEqual({ page: 0, table: 0 });
    // Back as it was, for the journeys that follow.
    await page.getByTestId("column-chooser").click();
    await page.getByRole("menuitemcheckbox", { name: "Domain" }).click();
    await page.getByRole("menuitemcheckbox", { name: "Verified" }).click();
    await page.keyboard.press("Escape");
    await expect(page.locator("thead th")).toHaveText(["Service", "Owner", "Tier", "Readiness", "Verified"]);
  });

  test("an engineer verifies several services at once; one refused is named", async ({ page }) => {
    await signInAs(page, "engineer");
    await page.goto("/services?stale=1");
    // Sam is in payments and checkout: Fraud Scoring is his team's, CI Runners is not.
    await page.getByRole("checkbox", { name: "Select Fraud Scoring" }).check();
    await page.getByRole("checkbox", { name: "Select Invoicing" }).check();
    await page.getByRole("checkbox", { name: "Select CI Runners" }).check();
    const bar = page.getByTestId("bulk-bar");
    await expect(bar).toContainText("3 services selected");
    await expectAccessible(page);
    await snap(page, "services-bulk-selected");
    await bar.getByRole("button", { name: "Verify" }).click();
    await expect(
      page.getByText(/Verified 2 services\. 1 service was not changed \(ci-runners\)/),
    ).toBeVisible();
    await expect(page.getByTestId("service-row-fraud-scoring")).toBeHidden();
    await expect(page.getByTestId("service-row-invoicing")).toBeHidden();
    await expect(page.getByTestId("service-row-ci-runners")).toBeVisible();
    await expect(bar).toContainText("No service selected");
  });

  test("select all takes the page; an admin moves services to another team", async ({ page }) => {
    await signInAs(page, "admin");
    await page.goto("/services?team=observability");
    await page.getByRole("checkbox", { name: "Select every service on this page" }).check();
    const bar = page.getByTestId("bulk-bar");
    await expect(bar).toContainText("5 services selected");
    await page.getByRole("checkbox", { name: "Select Alert Routing" }).uncheck();
    await expect(bar).toContainText("4 services selected");
    await page.getByRole("checkbox", { name: "Select every service on this page" }).uncheck();
    await page.getByRole("checkbox", { name: "Select Alert Routing" }).check();
    await bar.getByLabel("New owner team").selectOption({ label: "Platform Infrastructure" });
    await bar.getByRole("button", { name: "Change owner" }).click();
    await expect(page.getByText("Moved 1 service to Platform Infrastructure.")).toBeVisible();
    await expect(page.getByTestId("service-row-alert-routing")).toBeHidden();
    // And back, one more command with its own audit row.
    await page.goto("/services?team=platform&q=alert");
    await page.getByRole("checkbox", { name: "Select Alert Routing" }).check();
    await bar.getByLabel("New owner team").selectOption({ label: "Observability" });
    await bar.getByRole("button", { name: "Change owner" }).click();
    await expect(page.getByText("Moved 1 service to Observability.")).toBeVisible();
  });

  test("a viewer sees no checkboxes", async ({ page }) => {
    await signInAs(page, "viewer");
    await page.goto("/services");
    await expect(page.getByRole("checkbox")).toHaveCount(0);
  });
});

test.describe("saved views", () => {
  test("a lead saves a view for a team; a teammate opens it with its filters and columns", async ({
    page,
    browser,
  }) => {
    test.setTimeout(150_000);
    // Alex (admin) and Priya (change manager) are both in Platform Infrastructure.
    await signInAs(page, "admin");
    await page.goto("/services?tier=tier0&sort=level");
    await page.getByTestId("column-chooser").click();
    await page.getByRole("menuitemcheckbox", { name: "Verified" }).click();
    await page.getByRole("menuitemcheckbox", { name: "Lifecycle" }).click();
    await page.keyboard.press("Escape");
    await expect(page.locator("thead th")).toContainText(["Lifecycle"]);
    await page.getByTestId("save-view").click();
    const dialog = page.getByRole("dialog", { name: "Save this view" });
    await dialog.getByRole("button", { name: "Save view" }).click();
    await expect(dialog.getByTestId("error-view-name")).toHaveText("Give the view a name.");
    await dialog.getByLabel("Name").fill("Tier 0 by readiness");
    await dialog.getByLabel("Who sees it").selectOption({ label: "Everyone in Platform Infrastructure" });
    await expectAccessible(page);
    await snap(page, "services-save-view");
    await dialog.getByRole("button", { name: "Save view" }).click();
    await expect(dialog).toBeHidden();
    const view = page
      .getByRole("navigation", { name: "Saved views" })
      .getByRole("link", { name: /Tier 0 by readiness/ });
    await expect(view).toHaveAttribute("aria-current", "page");
    // The same name again is refused beside the field.
    await page.getByTestId("save-view").click();
    await dialog.getByLabel("Name").fill("tier 0 BY readiness");
    await dialog.getByRole("button", { name: "Save view" }).click();
    await expect(dialog.getByTestId("error-view-name")).toContainText("already have a view");
    await page.keyboard.press("Escape");
    // Restore Alex's own columns; the saved view keeps its own.
    await page.getByTestId("column-chooser").click();
    await page.getByRole("menuitemcheckbox", { name: "Verified" }).click();
    await page.getByRole("menuitemcheckbox", { name: "Lifecycle" }).click();
    await page.keyboard.press("Escape");

    // A teammate sees and opens it; someone in no team does not see it.
    const other = await browser.newPage();
    await signInAs(other, "change_manager");
    await other.goto("/services");
    await other
      .getByRole("navigation", { name: "Saved views" })
      .getByRole("link", { name: /Tier 0 by readiness/ })
      .click();
    await expect(other).toHaveURL(/tier=tier0/);
    await expect(other).toHaveURL(/sort=level/);
    // Priya may verify, so her table has the checkbox column first.
    await expect(other.locator("thead th")).toHaveText([
      "",
      "Service",
      "Owner",
      "Tier",
      "Readiness",
      "Lifecycle",
    ]);
    await expect(other.getByRole("button", { name: "Delete the view Tier 0 by readiness" })).toHaveCount(0);
    await other.close();
    const outsider = await browser.newPage();
    await signInAs(outsider, "viewer");
    await outsider.goto("/services");
    await expect(outsider.getByRole("link", { name: /Tier 0 by readiness/ })).toHaveCount(0);
    await outsider.close();

    // The owner deletes it.
    await page.getByRole("button", { name: "Delete the view Tier 0 by readiness" }).click();
    await expect(page.getByText("Deleted the view “Tier 0 by readiness”.")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Saved views" })).toHaveCount(0);
  });
});
