import { expectAccessible, signOut } from "./support/session";
import { expect, type Page, test } from "./support/test";

async function ssoLogin(page: Page, login: string) {
  await page.goto("/login");
  await page.getByRole("button", { name: "Continue with Acme SSO" }).click();
  // The provider's own development login and consent pages.
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.locator('button[type="submit"]').click();
  const consent = page.locator('button[type="submit"]', { hasText: /continue/i });
  if (await consent.isVisible().catch(() => false)) await consent.click();
}

test.describe("single sign-on through a real OpenID Connect provider", () => {
  test("the groups claim decides the role", async ({ page, browser }) => {
    await ssoLogin(page, "casey.sso");
    await expect(page.getByRole("heading", { level: 1, name: "Change control" })).toBeVisible();
    await expect(page.getByTestId("user-menu")).toContainText("Casey SSO");
    await expect(page.getByTestId("user-menu")).toContainText("Change manager");
    await expectAccessible(page);
    await signOut(page);

    // A fresh browser: the provider would otherwise remember Casey's session.
    const other = await (await browser.newContext()).newPage();
    await ssoLogin(other, "robin.sso");
    await expect(other.getByRole("heading", { level: 1, name: "Reliability at a glance" })).toBeVisible();
    await expect(other.getByTestId("user-menu")).toContainText("Viewer");
  });

  test("an identity without an email is refused with a clear message", async ({ page }) => {
    await ssoLogin(page, "noemail.sso");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByTestId("login-error")).toContainText("did not share an email");
  });

  test("an unverified email that matches a local account is refused, not linked", async ({ page }) => {
    await ssoLogin(page, "unverified.sso");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByTestId("login-error")).toContainText("has not verified your email address");
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a verified email links to the existing account", async ({ page }) => {
    await ssoLogin(page, "viewer.sso");
    await expect(page.getByRole("heading", { level: 1, name: "Reliability at a glance" })).toBeVisible();
    await expect(page.getByTestId("user-menu")).toContainText("Morgan Ellis");
  });
});
