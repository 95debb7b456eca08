import { snapWidthsAndThemes } from "./support/screens";
import { expectAccessible, signInAs } from "./support/session";
import { expect, test } from "./support/test";

/** The banner polls every 15 s; a change must show within two polls. */
const BANNER_TIMEOUT = 35_000;

test("an engineer declares a sev1, works it to resolved, and a viewer's banner follows without a reload", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signInAs(viewer, "viewer");
  await viewer.goto("/services");
  await expect(viewer.getByTestId("major-incident-banner")).toContainText("Checkout errors in EU");

  await signInAs(page, "engineer");
  await page.goto("/incidents");
  await expect(page.getByRole("heading", { level: 1, name: "Incidents" })).toBeVisible();
  await snapWidthsAndThemes(page, "incidents-list");
  await page.getByTestId("declare-incident").click();
  await expect(page.getByRole("heading", { level: 1, name: "Declare an incident" })).toBeVisible();
  // Nothing named: every missing piece is said beside its field, nothing is declared.
  await page.getByTestId("declare-submit").click();
  await expect(page.getByTestId("error-title")).toContainText("Give the incident a title");
  await expect(page.getByTestId("error-services")).toContainText("at least one affected service");
  await page.getByLabel("What is happening?").fill("Search is down for everyone");
  await page.getByLabel("SEV1").check();
  await page.getByLabel("Affected services").fill("search-index");
  await page.getByLabel("Affected services").press("Enter");
  await snapWidthsAndThemes(page, "incident-declare");
  await page.getByTestId("declare-submit").click();
  await expect(page.getByTestId("incident-title")).toHaveText("Search is down for everyone");
  await expect(page.getByText(/You are on the timeline as commander/)).toBeVisible();
  await expect(page.getByTestId("people")).toContainText("Sam Rivera");

  // The viewer's page was drawn before the declaration: the banner picks it up by polling.
  await expect(viewer.getByTestId("major-incident-banner")).toContainText("Search is down for everyone", {
    timeout: BANNER_TIMEOUT,
  });

  await page.getByLabel("Timeline entry").fill("Index nodes are out of memory; restarting one at a time.");
  await page.getByTestId("note-submit").click();
  await expect(page.getByTestId("timeline")).toContainText("Index nodes are out of memory");
  await page.getByTestId("join-form").getByLabel("Person (email)").fill("admin@pharos.demo");
  await page.getByTestId("join-submit").click();
  await expect(page.getByTestId("people")).toContainText("Alex Kim");
  await page.getByTestId("acknowledge").click();
  await expect(page.locator('[data-time="acknowledgedAt"]')).not.toHaveText("—");
  await page.getByTestId("move-mitigated").click();
  await page.getByTestId("move-confirm").click();
  await expect(page.locator("[data-status]").first()).toHaveText("Mitigated");
  await page.getByTestId("move-resolved").click();
  await page.getByLabel("Cause, in a few words (optional)").fill("memory leak in the indexer");
  await page.getByTestId("move-confirm").click();
  await expect(page.locator("[data-status]").first()).toHaveText("Resolved");
  await expect(page.getByTestId("timeline")).toContainText("Status mitigated → resolved.");
  // A sev1 does not close without its published postmortem.
  await page.getByTestId("move-closed").click();
  await page.getByTestId("move-confirm").click();
  await expect(page.getByTestId("error-status")).toContainText("publish a postmortem before closing");
  await snapWidthsAndThemes(page, "incident-page");

  // Resolved: the viewer's banner drops it, and keeps the demo's open sev2.
  await expect(viewer.getByTestId("major-incident-banner")).not.toContainText("Search is down for everyone", {
    timeout: BANNER_TIMEOUT,
  });
  await expect(viewer.getByTestId("major-incident-banner")).toContainText("Checkout errors in EU");
  // Viewers read the incident, with no way to change it.
  await viewer.goto(page.url());
  await expect(viewer.getByTestId("incident-title")).toHaveText("Search is down for everyone");
  await expect(viewer.getByTestId("note-form")).toHaveCount(0);
  await expect(viewer.getByTestId("move-closed")).toHaveCount(0);
  await expectAccessible(viewer);
  await viewerContext.close();
});

test("two people edit one incident: the second sees the first's version beside their edit and applies theirs on top", async ({
  page,
  browser,
}) => {
  await signInAs(page, "engineer");
  await page.goto("/incidents?status=active&severity=sev2");
  await page
    .getByRole("main")
    .getByRole("link", { name: /Checkout errors in EU/ })
    .click();
  await page.getByText("Edit details and correct times").click();
  const form = page.getByTestId("incident-edit-form");
  await form.getByLabel("Title").fill("Checkout errors in EU and UK");

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signInAs(other, "admin");
  await other.goto(page.url());
  await other.getByText("Edit details and correct times").click();
  await other.getByTestId("incident-edit-form").getByLabel("Cause").fill("bad deploy");
  await other.getByTestId("incident-save").click();
  await expect(other.getByTestId("incident-edit-form").getByText("Saved.")).toBeVisible();
  await otherContext.close();

  await page.getByTestId("incident-save").click();
  const conflict = page.getByTestId("conflict-panel");
  await expect(conflict).toContainText("was saved while you edited");
  await expect(conflict).toContainText("bad deploy");
  await expect(form.getByLabel("Title")).toHaveValue("Checkout errors in EU and UK");
  await snapWidthsAndThemes(page, "incident-conflict");
  await page.getByTestId("rebase-edit").click();
  // Their cause is theirs to keep: the form's own cause field still says what this person saw.
  await form.getByLabel("Cause").fill("bad deploy");
  await page.getByTestId("incident-save").click();
  await expect(page.getByTestId("incident-title")).toHaveText("Checkout errors in EU and UK");
});

test("an executive reads MTTR and friends with their definitions, by team, and a service page lists its incidents", async ({
  page,
}) => {
  await signInAs(page, "viewer");
  await page.goto("/incidents/metrics?from=2026-01-01&by=team");
  await expect(page.getByRole("heading", { level: 1, name: "Incident metrics" })).toBeVisible();
  const cards = page.getByTestId("metric-cards");
  await expect(cards).toContainText("MTTR · median");
  await expect(cards).toContainText(
    "from impact start (or declaration, when impact start is unknown) to resolution",
  );
  await expect(page.locator('[data-metric="mttr"]')).not.toHaveText("–");
  await expect(page.getByTestId("metrics-breakdown")).toContainText("payments");
  await expect(page.getByTestId("metrics-budget")).toContainText("%");
  await page.getByText("The same numbers as a table").click();
  await snapWidthsAndThemes(page, "incident-metrics");
  await expectAccessible(page);

  await page.goto("/services/checkout-api");
  await expect(page.getByTestId("service-incidents")).toContainText("Checkout errors in EU");
  // A viewer reads incidents but is not offered to declare one.
  await expect(page.locator("#incidents").getByRole("link", { name: "Declare" })).toHaveCount(0);
});
