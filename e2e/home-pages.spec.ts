import { type DemoRole, expectAccessible, signInAs, snap } from "./support/session";
import { expect, type Page, test } from "./support/test";

/** The rows the catalog lists for the current filter (its first page holds 25). */
const catalogRows = (page: Page) => page.locator('[data-testid^="service-row-"]');

/** The current URL's query parameters, whatever their order. */
const params = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

/** A page as wide as the screen: nothing sideways to scroll. */
async function expectNoOverflow(page: Page) {
  const overflow = await page.evaluate(
    () => (document.scrollingElement?.scrollWidth ?? 0) - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe("home pages that answer the question now", () => {
  test("the executive follows a readiness signal to exactly those services", async ({ page }) => {
    await signInAs(page, "viewer");
    await expect(page.locator("main").getByText(/arriving|coming soon/i)).toHaveCount(0);
    await expect(page.getByRole("table", { name: "Readiness by tier" })).toBeAttached();
    await expect(page.getByTestId("readiness-by-team")).toContainText("Payments");
    const signal = page.getByTestId("signal-tier1-below-silver");
    const count = Number((await signal.locator("span").first().textContent()) ?? "");
    expect(count).toBeGreaterThan(0);
    await signal.click();
    await expect(page).toHaveURL(/\/services\?/);
    expect(params(page)).toMatchObject({ tier: "tier1", below: "silver" });
    await expect(catalogRows(page)).toHaveCount(count);
    for (const badge of await catalogRows(page).locator(".level").all())
      await expect(badge).toHaveText(/No level|Bronze/);
    await expectAccessible(page);
  });

  test("the engineer's queue lists their services and leads to the fix", async ({ page }) => {
    await signInAs(page, "engineer");
    const queue = page.getByTestId("work-queue");
    await expect(queue.locator('[data-testid^="queue-"]').first()).toBeVisible();
    await expect(queue).not.toContainText("Public DNS"); // another team's service
    await expectAccessible(page);
    // A stale verification: the fix is on the service page, and verifying takes it off the queue.
    const verify = queue.locator('[data-testid$="-verified-90d"]').first();
    const slug = (await verify.getAttribute("data-testid"))!
      .replace(/^fix-/, "")
      .replace(/-verified-90d$/, "");
    await verify.click();
    await expect(page).toHaveURL(new RegExp(`/services/${slug}$`));
    await page.getByTestId("verify-service").click();
    await expect(page.getByText("Verified: the catalog entry is marked as true today.")).toBeVisible();
    await page.goto("/");
    await expect(page.getByTestId(`fix-${slug}-verified-90d`)).toHaveCount(0);
    // The whole queue is the filtered catalog: my teams' services below gold.
    await queue.getByRole("link", { name: /All \d+ services|In the catalog/ }).click();
    await expect(page).toHaveURL(/\/services\?/);
    expect(params(page)).toMatchObject({ mine: "1", below: "gold" });
    await expect(catalogRows(page).first()).toBeVisible();
    await expect(catalogRows(page).filter({ hasText: /Edge|Observability|Platform/ })).toHaveCount(0);
  });

  test("the change manager's home promises nothing missing and links to the unowned services", async ({
    page,
  }) => {
    await signInAs(page, "change_manager");
    await expect(page.locator("main").getByText(/approval queue|calendar|arriving|coming soon/i)).toHaveCount(
      0,
    );
    await expect(page.getByTestId("work-queue")).toBeVisible();
    await page.getByTestId("signal-unowned").click();
    await expect(page).toHaveURL(/\/services\?unowned=1/);
    await expect(catalogRows(page)).toHaveCount(1);
    await expect(page.getByTestId("service-row-fax-gateway")).toBeVisible();
  });
});

test.describe("scorecards that do not flatter", () => {
  test("a level says how many rules nobody measures, and each number drills down", async ({ page }) => {
    await signInAs(page, "viewer");
    // SLOs and action items are measured now: no level rests on a rule nobody checked.
    await page.goto("/services/api-gateway");
    await expect(page.locator("main").getByTestId("level-badge").first()).not.toContainText("unmeasured");
    await expect(page.getByTestId("scorecard-summary")).not.toContainText("not measured yet");
    await expect(page.getByTestId("rule-has-slo")).toHaveAttribute("data-outcome", "pass");
    // Measured now, and the gateway (the demo's gold example) keeps its action items on time.
    await expect(page.getByTestId("rule-no-overdue-actions")).toHaveAttribute("data-outcome", "pass");

    await page.goto("/scorecards");
    await expect(page.getByTestId("unmeasured-note")).toHaveCount(0);
    await expect(page.getByTestId("rule-stats-no-overdue-actions")).not.toContainText("Not measured for");
    await page.getByTestId("scorecards-by-team").getByRole("link", { name: "Unowned", exact: true }).click();
    await expect(page).toHaveURL(/\/services\?unowned=1/);
    await expect(catalogRows(page)).toHaveCount(1);
    await expect(page.getByTestId("service-row-fax-gateway")).toBeVisible();

    await page.goto("/scorecards");
    const failing = page.getByTestId("rule-failing-has-runbook");
    const count = Number(((await failing.textContent()) ?? "").replace(/\D/g, ""));
    await failing.click();
    await expect(page.getByRole("heading", { level: 1, name: "Has a runbook" })).toBeVisible();
    await expect(page.getByTestId("rule-failures").locator("li")).toHaveCount(count);
    await expectAccessible(page);
  });
});

const SHOTS: { role: DemoRole; path: string; name: string }[] = [
  { role: "viewer", path: "/", name: "home-viewer" },
  { role: "engineer", path: "/", name: "home-engineer" },
  { role: "change_manager", path: "/", name: "home-change-manager" },
  { role: "admin", path: "/", name: "home-admin" },
  { role: "viewer", path: "/scorecards", name: "scorecards" },
  { role: "viewer", path: "/scorecards/rules/has-dashboard", name: "scorecard-rule" },
  { role: "viewer", path: "/services/api-gateway", name: "service-gold" },
  { role: "viewer", path: "/services?level=gold", name: "catalog-gold" },
];

// Screenshots for people to look at (E2E_RESULTS_DIR/screens), and no page wider than the screen.
for (const shot of SHOTS)
  test(`${shot.name} fits 1280, 1440 and 375 px, light and dark`, async ({ page }) => {
    test.setTimeout(120_000);
    await signInAs(page, shot.role);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      // Every width in both themes when screenshots are wanted (E2E_SCREENS=1); otherwise the
      // narrowest and the common desktop width, one per theme, keep the test run short.
      const widths = process.env.E2E_SCREENS ? [1280, 1440, 375] : colorScheme === "light" ? [1280] : [375];
      for (const width of widths) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(shot.path);
        await expect(page.locator("main h1").first()).toBeVisible();
        await snap(page, `${shot.name}-${width}-${colorScheme}`);
        await expectNoOverflow(page);
      }
      await expectAccessible(page);
    }
  });
