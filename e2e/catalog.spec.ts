import { expectAccessible, signInAs, snap } from "./support/session";
import { expect, test } from "./support/test";

test.describe("service catalog", () => {
  test("an engineer registers a service, fixing a bad field on the way", async ({ page }) => {
    await signInAs(page, "engineer");
    await page.goto("/services");
    await page.getByRole("link", { name: "Register service" }).click();
    await page.getByLabel("Slug").fill("refund-notifier");
    await page.getByLabel("Name").fill("Refund Notifier");
    await page.getByLabel("Owner team").selectOption("payments");
    await page.getByLabel("Description").fill("Tells customers when their refund has been paid out.");
    await page.getByLabel("Repository URL").fill("git@github.com:acme/refund-notifier");
    await page.getByLabel("On-call rotation").fill("payments-primary");
    await page.getByRole("button", { name: "Register service" }).click();
    await expect(page.getByTestId("error-repoUrl")).toContainText("full http(s) URL");
    await expect(page.getByLabel("Name")).toHaveValue("Refund Notifier");
    await expectAccessible(page);
    await snap(page, "service-new-invalid");
    await page.getByLabel("Repository URL").fill("https://git.example.com/payments/refund-notifier");
    await page.getByRole("button", { name: "Register service" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Refund Notifier" })).toBeVisible();
    await expect(page.getByTestId("form-success")).toHaveText("Service registered.");
    // The one-time banner leaves the address, so a reload or a shared link does not repeat it.
    await expect(page).toHaveURL(/\/services\/refund-notifier$/);
    await expect(page.getByTestId("rule-has-runbook")).toHaveAttribute("data-outcome", "fail");
    await expect(page.getByTestId("scorecard")).toContainText("To reach silver");
  });

  test("the engineer edits it and the readiness level follows", async ({ page }) => {
    await signInAs(page, "engineer");
    await page.goto("/services/refund-notifier");
    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByLabel("Runbook URL").fill("https://runbooks.example.com/refund-notifier");
    await page.getByRole("button", { name: "Add a link" }).click();
    await page.getByLabel("Title", { exact: true }).fill("Dashboard");
    await page.getByLabel("URL", { exact: true }).fill("grafana.example.com/d/refunds");
    await page.getByLabel("Kind", { exact: true }).fill("dashboard");
    await page.getByLabel("Tier").selectOption("tier1");
    await expect(page.getByText("Tier 1 · high: customers notice within minutes")).toBeVisible();
    await page.getByRole("button", { name: "Save changes" }).click();
    // One message, beside the link's URL; the banner only points at it.
    await expect(page.getByTestId("error-links-0-url")).toContainText("full http(s) URL");
    await expect(page.getByTestId("form-error")).toHaveText("Check the highlighted field.");
    await page.getByLabel("URL", { exact: true }).fill("https://grafana.example.com/d/refunds");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByTestId("form-success")).toHaveText("Changes saved.");
    await expect(page.getByRole("link", { name: "Dashboard" })).toBeVisible();
    await expect(page.getByTestId("rule-has-runbook")).toHaveAttribute("data-outcome", "pass");
    // Never verified, so silver still waits on verification; verifying lifts it and clears the stale badge.
    await expect(page.getByTestId("stale-badge")).toBeVisible();
    await page.getByTestId("verify-service").click();
    await expect(page.getByText("Verified: the catalog entry is marked as true today.")).toBeVisible();
    await expect(page.getByTestId("stale-badge")).toHaveCount(0);
    // The next action's refresh takes the "Changes saved." banner away.
    await expect(page.getByText("Changes saved.")).toHaveCount(0);
    await expect(page.getByTestId("rule-verified-90d")).toHaveAttribute("data-outcome", "pass");
  });

  test("dependencies: add, refuse unknown, see the graph and blast radius, remove", async ({ page }) => {
    await signInAs(page, "engineer");
    await page.goto("/services/refund-notifier");
    await page.getByLabel("Add a dependency (service slug)").fill("no-such-service");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expect(page.getByTestId("error-dependsOn")).toContainText('Unknown service "no-such-service"');
    await page.getByLabel("Add a dependency (service slug)").fill("refunds");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expect(page.getByText("Now depends on refunds.")).toBeVisible();
    await expect(page.getByTestId("dep-refunds")).toBeVisible();
    await expect(page.getByTestId("dependency-graph").getByText("Refunds")).toBeVisible();
    await snap(page, "service-page");
    await page.goto("/services/ledger");
    await expect(page.getByTestId("blast-radius")).toContainText("Refund Notifier");
    await expectAccessible(page);
    await page.goto("/services/refund-notifier");
    await page.getByTestId("remove-dep-refunds").click();
    await expect(page.getByText("No longer depends on refunds.")).toBeVisible();
    await expect(page.getByTestId("dep-refunds")).toHaveCount(0);
  });

  test("a crowded side of the graph is grouped by team and expands on click", async ({ page }) => {
    await signInAs(page, "admin");
    // Twelve new services from one team all depend on the Redis cache.
    const docs = [
      "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: fleet-team }\nspec: { type: team, profile: { displayName: Fleet Team }, children: [] }",
    ];
    for (let i = 1; i <= 12; i++) {
      docs.push(
        `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: fleet-worker-${i}, description: Fleet worker number ${i}. }\nspec: { type: service, lifecycle: production, owner: fleet-team, dependsOn: [component:default/redis-cache] }`,
      );
    }
    await page.goto("/services/import");
    await page.getByLabel("catalog-info.yaml (one or many documents)").fill(docs.join("\n---\n"));
    await page.getByRole("button", { name: "Preview (dry run)" }).click();
    await page.getByTestId("run-import").click();
    await expect(page.getByTestId("import-progress")).toContainText("Import finished.");
    await page.goto("/services/redis-cache");
    const graph = page.getByTestId("dependency-graph");
    await expect(graph.getByText("Fleet Team (12) ▸")).toBeVisible();
    await snap(page, "service-graph-grouped");
    await graph.getByText("Fleet Team (12) ▸").click();
    await expect(graph.getByText("fleet-worker-7", { exact: true })).toBeVisible();
  });

  test("an admin imports catalog-info.yaml with a dry run first", async ({ page }) => {
    await signInAs(page, "admin");
    await page.goto("/services/import");
    const yaml = [
      "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: search-team }\nspec: { type: team, profile: { displayName: Search Team }, children: [] }",
      "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: search-api, description: Product search over the catalog index. }\nspec: { type: service, lifecycle: production, owner: search-team, dependsOn: [component:default/search-index] }",
      "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: broken-thing }\nspec: { type: service, lifecycle: production, owner: ghosts }",
    ];
    await page.getByLabel("catalog-info.yaml (one or many documents)").fill(yaml.join("\n---\n"));
    await page.getByRole("button", { name: "Preview (dry run)" }).click();
    await expect(page.getByTestId("import-counts").first()).toContainText("1 error");
    await expect(page.getByTestId("plan-error")).toContainText(
      "group:default/ghosts is neither in this file nor in Pharos",
    );
    await expect(page.getByTestId("run-import")).toBeDisabled();
    await snap(page, "import-dry-run-error");
    await page.getByLabel("catalog-info.yaml (one or many documents)").fill(yaml.slice(0, 2).join("\n---\n"));
    await page.getByRole("button", { name: "Preview (dry run)" }).click();
    await expect(page.getByTestId("plan-create")).toHaveCount(2);
    await page.getByTestId("run-import").click();
    await expect(page.getByTestId("import-progress")).toContainText("Import finished.");
    await expectAccessible(page);
    await snap(page, "import-done");
    await page.goto("/services?q=search");
    await expect(page.getByTestId("service-row-search-api")).toContainText("Search Team");
  });

  test("facets, search and readiness views", async ({ page }) => {
    await signInAs(page, "change_manager");
    await page.goto("/services");
    await page.getByTestId("facet-tier-tier0").click();
    await expect(page).toHaveURL(/tier=tier0/);
    await expect(page.getByTestId("facet-tier-tier0")).toHaveAttribute("aria-current", "true");
    await page.getByLabel("Search").fill("kafka");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/q=kafka/);
    await expect(page.getByTestId("service-row-event-bus")).toBeVisible();
    await page.getByTestId("toggle-mine").click();
    await expect(page.getByText("No service matches")).toBeVisible();
    await page.goto("/scorecards");
    await expect(page.getByTestId("rollup-tier0")).toBeVisible();
    await expectAccessible(page);
    await snap(page, "scorecards");
    await page.goto("/teams/payments");
    await expect(page.getByTestId("rollup-payments")).toBeVisible();
  });

  test("a viewer reads the catalog but cannot change it", async ({ page }) => {
    await signInAs(page, "viewer");
    await page.goto("/services");
    await expect(page.getByRole("link", { name: "Register service" })).toHaveCount(0);
    await page.goto("/services/new");
    await expect(page.getByTestId("forbidden")).toBeVisible();
    await page.goto("/services/payments-api");
    await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
    await expect(page.getByTestId("scorecard")).toBeVisible();
  });
});
