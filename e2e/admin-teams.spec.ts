import { confirmInDialog } from "./support/confirm";
import { expectAccessible, signInAs, snap } from "./support/session";
import { expect, test } from "./support/test";

test("admin creates a team, adds and removes a member", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/teams");
  await page.getByLabel("Slug").fill("Bad Slug!");
  await page.getByLabel("Name").fill("Release Engineering");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByTestId("error-slug")).toContainText("lowercase letters");
  await expect(page.getByLabel("Name")).toHaveValue("Release Engineering");
  await page.getByLabel("Slug").fill("payments");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByTestId("form-error")).toContainText('taken by the team "Payments"');
  await page.getByLabel("Slug").fill("release-eng");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByTestId("form-success")).toHaveText("Created Release Engineering.");
  await expectAccessible(page);
  await snap(page, "admin-teams");

  await page.getByRole("link", { name: "Release Engineering" }).click();
  await page.getByLabel("Add member by email").fill("nobody@pharos.demo");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByTestId("error-member-email")).toHaveText("No user has that email.");
  await page.getByLabel("Add member by email").fill("engineer@pharos.demo");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByText("Added engineer@pharos.demo.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Sam Rivera" })).toBeVisible();
  await snap(page, "admin-team");
  await page
    .getByRole("listitem")
    .filter({ hasText: "Sam Rivera" })
    .getByRole("button", { name: "Remove" })
    .click();
  await confirmInDialog(page, "Remove Sam Rivera from Release Engineering?");
  await expect(page.getByText("No members yet.")).toBeVisible();
});
