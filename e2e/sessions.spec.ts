import type { BrowserContext } from "@playwright/test";
import { confirmInDialog } from "./support/confirm";
import { DEMO, DEMO_PASSWORD, expectAccessible, signIn, signInAs, signOut, snap } from "./support/session";
import { expect, type Page, test } from "./support/test";

const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

/** A second browser, signed in as `email`; its own cookie jar, like another device. */
async function device(context: BrowserContext, email: string) {
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page.getByTestId("user-menu")).toBeVisible();
  return page;
}

async function expectSignedOut(page: Page) {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
}

test.describe("sessions that end", () => {
  test("signing out ends the session on the server: a copied cookie stops working", async ({
    page,
    browser,
  }) => {
    await signInAs(page, "engineer");
    const cookies = await page.context().cookies();
    expect(cookies.some((c) => c.name.endsWith("authjs.session-token"))).toBe(true);

    // Someone lifts the cookie into another browser: it works, for now.
    const thief = await browser.newContext();
    await thief.addCookies(cookies);
    const stolen = await thief.newPage();
    await stolen.goto("/");
    await expect(stolen.getByRole("heading", { level: 1, name: DEMO.engineer.home })).toBeVisible();

    await signOut(page);
    await expectSignedOut(stolen);
    await thief.close();
  });

  test("settings lists the sessions and ends another device's, or all others", async ({ page, browser }) => {
    const phone = await browser.newContext({ userAgent: IPHONE });
    const laptop = await browser.newContext();
    const onPhone = await device(phone, DEMO.viewer.email);
    const onLaptop = await device(laptop, DEMO.viewer.email);

    await signInAs(page, "viewer");
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "Sessions" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sessions" })).toBeVisible();
    await expect(page.getByTestId("session-current")).toContainText("This session");
    const phoneRow = page.getByTestId("session-row").filter({ hasText: "Safari 17 on iPhone" });
    await expect(phoneRow).toHaveCount(1);
    await expectAccessible(page);
    await snap(page, "settings-sessions");

    await phoneRow.getByRole("button", { name: "End" }).click();
    await confirmInDialog(page, "End the session on Safari 17 on iPhone?");
    await expect(page.getByText("Session ended: that browser is signed out.")).toBeVisible();
    await expect(phoneRow).toHaveCount(0);
    await expectSignedOut(onPhone);
    await onLaptop.reload();
    await expect(onLaptop.getByTestId("user-menu")).toBeVisible();

    await page.getByTestId("end-other-sessions").click();
    await confirmInDialog(page, /^End \d+ other sessions?\?$/);
    await expect(page.getByText(/Ended \d+ other sessions?\./)).toBeVisible();
    await expectSignedOut(onLaptop);
    // The session in use carries on.
    await page.reload();
    await expect(page.getByTestId("session-current")).toBeVisible();
    await expect(page.getByTestId("session-row")).toHaveCount(0);
    await phone.close();
    await laptop.close();
  });

  test("an admin signs a user out everywhere from the users page", async ({ page, browser }) => {
    const theirs = await browser.newContext();
    const their = await device(theirs, DEMO.change_manager.email);

    await signInAs(page, "admin");
    await page.goto("/admin/users?q=changes%40pharos.demo");
    await page.getByTestId(`user-actions-${DEMO.change_manager.email}`).click();
    await page.getByRole("menuitem", { name: "End sessions…" }).click();
    await confirmInDialog(page, `Sign ${DEMO.change_manager.email} out everywhere?`);
    await expect(page.getByText(`Signed ${DEMO.change_manager.email} out everywhere`)).toBeVisible();
    await expectSignedOut(their);
    await theirs.close();
  });
});
