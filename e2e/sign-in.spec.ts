import { DEMO, type DemoRole, expectAccessible, signIn, signInAs, signOut, snap } from "./support/session";
import { expect, test } from "./support/test";

test.describe("sign-in", () => {
  test("unauthenticated visitors go to /login and come back to the page they asked for", async ({ page }) => {
    await page.goto("/teams?from=link");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fteams%3Ffrom%3Dlink/);
    await expectAccessible(page);
    await snap(page, "login");
    await page.getByLabel("Email").fill(DEMO.engineer.email);
    await page.getByLabel("Password").fill("pharos-demo-2026");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/teams\?from=link$/);
    await expect(page.getByRole("heading", { level: 1, name: "Teams" })).toBeVisible();
  });

  test("a callback URL to another site is ignored", async ({ page, baseURL }) => {
    await signIn(page, DEMO.viewer.email, undefined, "/login?callbackUrl=%2F%2Fevil.example%2Fsteal");
    await expect(page.getByRole("heading", { level: 1, name: DEMO.viewer.home })).toBeVisible();
    expect(new URL(page.url()).host).toBe(new URL(baseURL!).host);
    expect(new URL(page.url()).pathname).toBe("/");
  });

  test("a wrong password and an unknown email get the same message, and the email is kept", async ({
    page,
  }) => {
    await signIn(page, DEMO.engineer.email, "not-the-password");
    await expect(page.getByTestId("login-error")).toHaveText("Email or password is incorrect.");
    await expect(page.getByLabel("Email")).toHaveValue(DEMO.engineer.email);
    await snap(page, "login-error");
    await signIn(page, "nobody@pharos.demo", "whatever-password");
    await expect(page.getByTestId("login-error")).toHaveText("Email or password is incorrect.");
  });

  test("repeated failures for one account are slowed down", async ({ page }) => {
    const email = "brute.force.target@pharos.demo";
    for (let i = 0; i < 5; i++) {
      await signIn(page, email, `guess-${i}`);
      await expect(page.getByTestId("login-error")).toHaveText("Email or password is incorrect.");
    }
    // From the sixth on each failure locks the account for twice as long (1 s, 2 s, 4 s…), so
    // within a few tries the lock outlasts the time one try takes, however slow the machine.
    const messages: string[] = [];
    for (let i = 0; i < 4 && !messages.at(-1)?.includes("Too many"); i++) {
      await signIn(page, email, `guess-more-${i}`);
      const error = page.getByTestId("login-error");
      await expect(error).toBeVisible();
      messages.push((await error.textContent()) ?? "");
    }
    expect(messages.at(-1)).toContain("Too many failed sign-in attempts. Try again in");
  });

  test("a forged X-Forwarded-For does not escape the throttle", async ({ page }) => {
    const email = "forged.address.target@pharos.demo";
    const messages: string[] = [];
    for (let i = 0; i < 9 && !messages.at(-1)?.includes("Too many"); i++) {
      // Each try claims another address; without a trusted proxy none of them is believed.
      await page.setExtraHTTPHeaders({
        "x-forwarded-for": `203.0.113.${i + 1}`,
        "x-pharos-client-address": `203.0.113.${i + 1}`,
      });
      await signIn(page, email, `guess-${i}`);
      const error = page.getByTestId("login-error");
      await expect(error).toBeVisible();
      messages.push((await error.textContent()) ?? "");
    }
    expect(messages.at(-1)).toContain("Too many failed sign-in attempts. Try again in");
  });

  for (const role of Object.keys(DEMO) as DemoRole[]) {
    test(`${role} signs in, sees the shell and their home, and signs out`, async ({ page }) => {
      await signInAs(page, role);
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      await expect(page.getByTestId("user-menu")).toContainText(DEMO[role].name);
      const adminLink = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" });
      await expect(adminLink).toHaveCount(role === "admin" ? 1 : 0);
      await expectAccessible(page);
      await snap(page, `home-${role}`);
      await signOut(page);
      await expect(page.getByText("You have signed out.")).toBeVisible();
      await page.goto("/");
      await expect(page).toHaveURL(/\/login/);
    });
  }
});
