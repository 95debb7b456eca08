import { type DemoRole, expectAccessible, signInAs, snap } from "./support/session";
import { expect, test } from "./support/test";

const EVERYONE = [
  "/",
  "/services",
  "/services?tier=tier0&q=api",
  "/services/import/locations",
  "/teams",
  "/teams/payments",
  "/scorecards",
  "/scorecards/rules/has-runbook",
  "/slos",
  "/slos?state=at_risk&tier=tier0",
  "/slos/scorecard",
  "/changes",
  "/incidents",
  "/incidents?status=active&severity=sev2",
  "/incidents/metrics",
  "/incidents/metrics?by=team&from=2026-01-01",
  "/incidents/postmortems",
  "/incidents/postmortems?overdue=1",
  "/problems",
  "/action-items",
  "/action-items?overdue=1&status=active",
  // Problems: a filtered list, and the form (a viewer is told they may not open one).
  "/problems?state=known_error",
  "/problems/new",
  "/onboarding",
  "/reports",
  "/settings/tokens",
];
const ADMIN_ONLY = [
  "/admin",
  "/admin/users",
  "/admin/users/new",
  "/admin/teams",
  "/admin/teams/payments",
  "/admin/tokens",
  "/admin/audit",
];

/** Pages whose content depends on the role beyond the navigation. */
const ROLE_SPECIFIC = [
  "/",
  "/services",
  "/teams/payments",
  "/settings/tokens",
  "/incidents",
  "/action-items",
];

const PAGES: Record<DemoRole, string[]> = {
  viewer: EVERYONE,
  engineer: EVERYONE,
  change_manager: EVERYONE,
  admin: [...EVERYONE, ...ADMIN_ONLY],
};

for (const role of Object.keys(PAGES) as DemoRole[]) {
  test(`every page is accessible to ${role}`, async ({ page }) => {
    // A sweep of a dozen pages with an axe scan each: give it room on a busy 2-core machine.
    test.setTimeout(180_000);
    await signInAs(page, role);
    for (const path of PAGES[role]) {
      await page.goto(path);
      await expect(page.locator("main h1").first()).toBeVisible();
      // The viewer's sweep scans every page and the admin's the admin pages; the others
      // differ from the viewer's only where the page offers them more.
      if (role === "viewer" || ADMIN_ONLY.includes(path) || ROLE_SPECIFIC.includes(path))
        await expectAccessible(page);
    }
  });
}

test("no page scrolls sideways on a 375 px screen", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 375, height: 812 });
  await signInAs(page, "admin");
  const wide: string[] = [];
  const pages = [
    ...PAGES.admin,
    "/services/ledger",
    "/services/ledger/edit",
    "/services/new",
    "/services/import",
    "/scorecards",
    "/slos/new?service=ledger",
    "/incidents/new?service=ledger",
    "/settings/sessions",
  ];
  for (const path of pages) {
    await page.goto(path);
    await expect(page.locator("main h1").first()).toBeVisible();
    const over = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
    if (over > 0) wide.push(`${path} is ${over} px too wide`);
  }
  expect(wide).toEqual([]);
});

test("dark theme and a 375 px screen", async ({ page }) => {
  await signInAs(page, "admin");
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitemradio", { name: /Dark/ }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  for (const path of ["/", "/services", "/admin/users", "/admin/audit"]) {
    await page.goto(path);
    await expectAccessible(page);
    await snap(page, `dark${path.replaceAll("/", "-") || "-home"}`);
  }
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto("/services");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await snap(page, "narrow-services");
  await page.getByRole("button", { name: "Open navigation" }).click();
  await expect(page.getByRole("dialog").getByRole("link", { name: "Teams" })).toBeVisible();
  await snap(page, "narrow-nav");
  await page.getByRole("dialog").getByRole("link", { name: "Teams" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Teams" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("unknown pages show a designed not-found page", async ({ page }) => {
  await signInAs(page, "engineer");
  await page.goto("/teams/no-such-team");
  await expect(page.getByText("Page not found")).toBeVisible();
});

test("keyboard users can skip to content and reach the menu", async ({ page }) => {
  await signInAs(page, "engineer");
  await page.goto("/teams");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});
