import { expectAccessible, signInAs, snap } from "./support/session";
import { expect, test } from "./support/test";

test.describe("the ⌘K palette", () => {
  test("an engineer jumps to a service by a mistyped name with the keyboard", async ({ page }) => {
    await signInAs(page, "engineer");
    await page.goto("/teams");
    await page.keyboard.press("Control+k");
    const palette = page.getByRole("dialog", { name: "Search or jump to" });
    await expect(palette).toBeVisible();
    await expect(palette.getByRole("option", { name: "Register a service" })).toBeVisible();
    await palette.getByRole("combobox").pressSequentially("legder", { delay: 30 });
    const first = palette.getByRole("option").first();
    await expect(first).toContainText("Ledger");
    await expect(first).toContainText("similar name");
    await expectAccessible(page);
    await snap(page, "palette-typo");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/services\/ledger$/);
    await expect(page.getByRole("heading", { level: 1, name: "Ledger" })).toBeVisible();
    await expect(palette).toBeHidden();
  });

  test("finds teams and pages, and offers only pages the person may open", async ({ page }) => {
    await signInAs(page, "viewer");
    await page.getByTestId("palette-trigger").click();
    const palette = page.getByRole("dialog", { name: "Search or jump to" });
    await expect(palette.getByRole("option", { name: "Audit log" })).toHaveCount(0);
    await expect(palette.getByRole("option", { name: "Register a service" })).toHaveCount(0);
    await palette.getByRole("combobox").fill("networking");
    await expect(palette.getByRole("group", { name: "Teams" }).getByRole("option")).toHaveText([
      /Edge & Networking/,
    ]);
    await palette.getByRole("option", { name: /Edge & Networking/ }).click();
    await expect(page).toHaveURL(/\/teams\/edge$/);
    await page.keyboard.press("Control+k");
    await palette.getByRole("combobox").fill("qzxjvwq");
    await expect(palette.getByText("Nothing found for “qzxjvwq”.")).toBeVisible();
  });

  test("an admin reaches admin pages from it, on a phone too", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await signInAs(page, "admin");
    await page.getByTestId("palette-trigger").click();
    const palette = page.getByRole("dialog", { name: "Search or jump to" });
    await palette.getByRole("combobox").fill("audit");
    await snap(page, "palette-375");
    await palette.getByRole("option", { name: "Audit log" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  });
});
