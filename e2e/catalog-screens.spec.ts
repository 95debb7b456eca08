import { snapWidthsAndThemes } from "./support/screens";
import { signInAs } from "./support/session";
import { expect, test } from "./support/test";

/*
 * The catalog's pages as an engineer meets them, at 1280, 1440 and 375 px in both themes
 * (screenshots with E2E_SCREENS=1): nothing wider than the screen, the page's heading shown.
 */
const PAGES = [
  ["/", "home"],
  ["/services", "services"],
  ["/services?q=legder", "services-similar"],
  ["/services?tier=tier0&stale=1&lifecycle=deprecated", "services-empty"],
  ["/services/ledger", "service-ledger"],
  ["/services/new", "service-new"],
  ["/teams", "teams"],
  ["/teams/payments", "team-payments"],
  ["/scorecards", "scorecards"],
  ["/services/no-such-service", "not-found"],
] as const;

test("the catalog's pages fit every screen in both themes", async ({ page }) => {
  test.setTimeout(240_000);
  await signInAs(page, "engineer");
  for (const [path, name] of PAGES) {
    await page.goto(path);
    await expect(page.locator("h1, main p.font-medium").first()).toBeVisible();
    await snapWidthsAndThemes(page, `catalog-${name}`);
  }
});

test("each role's home answers its question, on every screen", async ({ page }) => {
  for (const role of ["viewer", "change_manager"] as const) {
    await signInAs(page, role);
    await page.goto("/");
    await expect(page.locator("main h1")).toBeVisible();
    await snapWidthsAndThemes(page, `home-${role}`);
    await page.context().clearCookies();
  }
});
