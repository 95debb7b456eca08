import { expectAccessible, signInAs, snap } from "./support/session";
import { expect, test } from "./support/test";

const component = (name: string, metadata: string, spec: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: ${name}${metadata} }\nspec: { type: service, lifecycle: production, owner: payments${spec} }\n`;

test.describe("importing over an existing service", () => {
  test("shows each change before → after, and applies removals only when confirmed", async ({ page }) => {
    const name = `merge-journey-${Date.now().toString(36)}`;
    await signInAs(page, "admin");
    await page.goto("/services/import");
    const yamlBox = page.getByLabel("catalog-info.yaml (one or many documents)");
    const preview = page.getByRole("button", { name: "Preview (dry run)" });
    const importButton = page.getByTestId("run-import");

    // First the full service: tier1, a dashboard link, two dependencies.
    await yamlBox.fill(
      component(
        name,
        ", title: Merge Journey, links: [{ url: 'https://grafana.example.com/d/merge', title: Dashboard }], annotations: { pharos.io/tier: tier1, pharos.io/on-call: 'pagerduty:PMERGE' }",
        ", dependsOn: [component:default/ledger, component:default/event-bus]",
      ),
    );
    await preview.click();
    await expect(page.getByTestId("plan-create")).toHaveCount(1);
    await importButton.click();
    await expect(page.getByTestId("import-progress")).toContainText("Import finished.");

    // A sparse file states nothing it would take away: unchanged.
    await yamlBox.fill(component(name, "", ""));
    await preview.click();
    await expect(page.getByTestId("plan-unchanged")).toHaveCount(1);

    // A file that lowers the tier, drops a dependency and the link.
    await yamlBox.fill(
      component(
        name,
        ", description: Trimmed by a sync., links: [], annotations: { pharos.io/tier: tier3 }",
        ", dependsOn: [component:default/ledger]",
      ),
    );
    await preview.click();
    const row = page.getByTestId("plan-update");
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId("plan-warning")).toHaveText([
      "⚠ Removes the dependency on event-bus",
      "⚠ Removes the link Dashboard (https://grafana.example.com/d/merge)",
      "⚠ Lowers the tier from tier1 to tier3",
    ]);
    await expect(row.getByTestId("plan-diff")).toContainText("Tiertier1 → tier3");
    await expect(row.getByTestId("plan-diff")).toContainText("Description— → Trimmed by a sync.");
    await expect(importButton).toBeDisabled();
    await expectAccessible(page);
    await snap(page, "import-merge-dry-run");
    // The same report in the dark theme and on a phone: readable, nothing wider than the screen.
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitemradio", { name: /Dark/ }).click();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await expectAccessible(page);
    await snap(page, "dark-import-merge-dry-run");
    await page.setViewportSize({ width: 375, height: 812 });
    await snap(page, "narrow-import-merge-dry-run");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitemradio", { name: /Light/ }).click();
    await page.getByTestId("confirm-removals").getByRole("checkbox").check();
    await importButton.click();
    await expect(page.getByTestId("import-progress")).toContainText("Import finished.");

    await page.goto(`/services/${name}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Merge Journey");
    await expect(page.getByText("pagerduty:PMERGE").first()).toBeVisible();
    await expect(page.getByText("Trimmed by a sync.").first()).toBeVisible();
  });
});
