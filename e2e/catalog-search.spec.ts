import { expectAccessible, signInAs, snap } from "./support/session";
import { expect, test } from "./support/test";

test.describe("catalog search", () => {
  test("searches as an engineer types, and a typo still finds the service", async ({ page }) => {
    await signInAs(page, "engineer");
    await page.goto("/services?tier=tier0");
    // No Enter, no button: the query reaches the URL after a pause in typing.
    await page.getByLabel("Search").pressSequentially("legder", { delay: 40 });
    await expect(page).toHaveURL(/q=legder/);
    await expect(page).toHaveURL(/tier=tier0/);
    await expect(page.getByTestId("similar-results")).toContainText("Similar results");
    await expect(page.locator("tbody tr").first()).toContainText("Ledger");
    await expect(page.getByLabel("Search")).toBeFocused();
    await expect(page.getByLabel("Search")).toHaveValue("legder");
    await expectAccessible(page);
    await snap(page, "services-similar-results");
    // A word like no name: nothing, with the filters still there to clear.
    await page.getByLabel("Search").fill("qzxjvw");
    await expect(page).toHaveURL(/q=qzxjvw/);
    await expect(page.getByText("No service matches")).toBeVisible();
    await expect(page.getByTestId("facet-tier-tier0")).toBeVisible();
    await page.getByRole("link", { name: "Clear all" }).click();
    await expect(page).toHaveURL(/\/services$/);
    await expect(page.getByLabel("Search")).toHaveValue("");
  });
});
