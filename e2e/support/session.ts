import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "pharos-demo-2026";

export const DEMO = {
  viewer: { email: "viewer@pharos.demo", name: "Morgan Ellis", home: "Reliability at a glance" },
  engineer: { email: "engineer@pharos.demo", name: "Sam Rivera", home: "My work" },
  change_manager: { email: "changes@pharos.demo", name: "Priya Shah", home: "Change control" },
  admin: { email: "admin@pharos.demo", name: "Alex Kim", home: "My work" },
} as const;

export type DemoRole = keyof typeof DEMO;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, path = "/login") {
  await page.goto(path);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function signInAs(page: Page, role: DemoRole) {
  await signIn(page, DEMO[role].email);
  await expect(page.getByRole("heading", { level: 1, name: DEMO[role].home })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Fails on any serious or critical axe violation, listing them readably. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(" | ")}`,
    ),
  ).toEqual([]);
}

/** Saves a screenshot for people to look at (not compared): test-results/screens/NAME.png. */
export async function snap(page: Page, name: string) {
  // From the top: a page scrolled by the journey would show its sticky header and sidebar
  // halfway down the full-page capture.
  await page.evaluate(() => window.scrollTo(0, 0));
  const results = process.env.E2E_RESULTS_DIR ?? "test-results";
  await page.screenshot({ path: `${results}/screens/${name}.png`, fullPage: true });
}
