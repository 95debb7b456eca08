import { snapWidthsAndThemes } from "./support/screens";
import { expectAccessible, signInAs } from "./support/session";
import { expect, type Page, test } from "./support/test";

const TITLE = "Ledger exports stalled overnight";

/** Declares a sev2 on the ledger and works it to resolved, as responders do; returns its page. */
async function resolvedSev2(page: Page) {
  await page.goto("/incidents/new");
  await page.getByLabel("What is happening?").fill(TITLE);
  await page.getByLabel("SEV2").check();
  await page.getByLabel("Affected services").fill("ledger");
  await page.getByLabel("Affected services").press("Enter");
  await page.getByTestId("declare-submit").click();
  await expect(page.getByTestId("incident-title")).toHaveText(TITLE);
  await page.getByTestId("acknowledge").click();
  await expect(page.locator('[data-time="acknowledgedAt"]')).not.toHaveText("—");
  for (const to of ["mitigated", "resolved"]) {
    await page.getByTestId(`move-${to}`).click();
    await page.getByTestId("move-confirm").click();
    await expect(page.locator("[data-status]").first()).toHaveAttribute("data-status", to);
  }
  return page.url();
}

const section = (page: Page, name: string) => page.locator(`textarea[name="${name}"]`);
const item = (page: Page, title: string) => page.getByTestId("action-item").filter({ hasText: title });

test("an engineer writes the postmortem, the admin reviews it, it is published and its action items are worked", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  await signInAs(page, "engineer");
  const incidentUrl = await resolvedSev2(page);

  // Started from the incident, with the impact drafted from what it recorded.
  await page.getByTestId("start-postmortem").click();
  await expect(page.getByTestId("postmortem-start-form")).toBeVisible();
  await expect(section(page, "impact")).toHaveValue(/Affected: ledger\. Impact lasted/);
  await expect(page.getByTestId("postmortem-timeline")).toContainText("Status mitigated → resolved.");
  await snapWidthsAndThemes(page, "postmortem-start");
  await page.getByTestId("postmortem-start").click();
  await expect(page.getByText("Postmortem started.")).toBeVisible();
  const postmortemUrl = page.url().replace(/\?.*$/, "");

  await section(page, "summary").fill("Ledger exports stopped for **two hours**; finance reports ran late.");
  await section(page, "rootCauses").fill("The export job hit a human error in the cron schedule.");
  // Wording hints are advice: one appears, nothing is refused for it.
  const hints = page.getByTestId("rootCauses-hints-list");
  await expect(hints.locator('[data-rule="human-error"]')).toBeVisible();
  await expect(page.getByTestId("summary-preview").locator("strong")).toHaveText("two hours");
  await section(page, "trigger").fill("A schedule change moved the job into the backup window.");
  await section(page, "resolution").fill("The schedule was restored and the job re-run.");
  await section(page, "detection").fill("Finance noticed the missing report at 09:00.");
  await page.getByTestId("add-link").click();
  await page.getByLabel("Link 1 label").fill("Export job dashboard");
  await page.getByLabel("Link 1 URL").fill("https://grafana.example.com/d/ledger-exports");

  // Review needs a reviewer: the refusal is said beside the field, and the text is kept.
  await page.getByTestId("pm-send-review").click();
  await expect(page.getByTestId("error-pm-reviewers")).toContainText("Name at least one reviewer");
  await expect(section(page, "rootCauses")).toHaveValue(/human error/);
  await snapWidthsAndThemes(page, "postmortem-editor");

  // Someone saves in between: their version shows beside this edit, applied on top on request.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAs(admin, "admin");
  await admin.goto(postmortemUrl);
  await section(admin, "wentWell").fill("The on-call runbook had the re-run command.");
  await admin.getByTestId("pm-save").click();
  await expect(admin.getByTestId("postmortem-editor").getByText("Saved.")).toBeVisible();
  await page.getByTestId("pm-save").click();
  await expect(page.getByTestId("conflict-panel")).toContainText(
    "The on-call runbook had the re-run command.",
  );
  await page.getByTestId("rebase-edit").click();
  await section(page, "wentWell").fill("The on-call runbook had the re-run command.");
  await page.getByTestId("pm-save").click();
  await expect(page.getByTestId("postmortem-editor").getByText("Saved.")).toBeVisible();

  // Action items: one to finish, one that will not be done.
  await page.getByText("Add an action item").click();
  for (const title of ["Alert when a ledger export is late", "Move exports off the backup window"]) {
    await page.getByLabel("What will be done").fill(title);
    await page.getByTestId("action-item-add").click();
    await expect(item(page, title)).toBeVisible();
  }
  await expect(item(page, "Alert when a ledger export is late")).toContainText("Sam Rivera");

  await page.getByLabel("Reviewers (emails)").fill("admin@pharos.demo");
  await page.getByTestId("pm-send-review").click();
  await expect(page.locator("[data-pm-status]").first()).toHaveText("In review");
  await expect(page.getByTestId("pm-publish")).toBeDisabled();
  await expect(page.getByTestId("pm-next-step")).toContainText("waiting for Alex Kim");

  // The named reviewer approves, with a comment.
  await admin.reload();
  await admin.getByLabel("Comment (optional)").fill("Clear and blameless; thanks.");
  await admin.getByTestId("approve").click();
  await expect(admin.getByText("Approved; it can be published.")).toBeVisible();
  await expect(admin.getByTestId("reviewers")).toContainText("Alex Kim (you)");
  await expect(admin.getByTestId("approve-form")).toHaveCount(0);
  await adminContext.close();

  await page.reload();
  await expect(page.getByTestId("reviewers")).toContainText("Clear and blameless; thanks.");
  await expect(page.getByTestId("reviewers")).toContainText("Approved");
  await page.getByTestId("pm-publish").click();
  await expect(page.getByTestId("postmortem-read")).toContainText("finance reports ran late");
  await expect(page.locator("[data-pm-status]").first()).toHaveText("Published");
  await expect(
    page.getByTestId("postmortem-read").getByRole("link", { name: "Export job dashboard" }),
  ).toBeVisible();
  await expect(page.getByTestId("postmortem-editor")).toHaveCount(0);
  await snapWidthsAndThemes(page, "postmortem-published");
  await expectAccessible(page);

  // Published, the sev2 may close.
  await page.goto(incidentUrl);
  await page.getByTestId("move-closed").click();
  await page.getByTestId("move-confirm").click();
  await expect(page.locator("[data-status]").first()).toHaveAttribute("data-status", "closed");

  // The follow-up outlives the write-up: items are still worked on the published postmortem.
  await page.goto(postmortemUrl);
  const first = item(page, "Alert when a ledger export is late");
  await first.getByTestId("action-done").click();
  await expect(first.locator("[data-action-status]")).toHaveText("Done");
  const second = item(page, "Move exports off the backup window");
  await second.getByTestId("action-wont-do").click();
  await second.getByTestId("action-wont-do-confirm").click();
  await expect(second.getByTestId("error-wont-do")).toContainText("Say why it will not be done");
  await snapWidthsAndThemes(page, "postmortem-action-items");
  await second.getByLabel("Why won't it be done?").fill("The backup window moves next quarter anyway.");
  await second.getByTestId("action-wont-do-confirm").click();
  await expect(second.locator("[data-action-status]")).toHaveText("Won't do");
  await expect(second).toContainText("The backup window moves next quarter anyway.");

  await page.goto("/incidents/postmortems");
  await expect(page.getByRole("heading", { level: 1, name: "Postmortems" })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(TITLE) })).toBeVisible();
  await snapWidthsAndThemes(page, "postmortems-list");
  await page.getByLabel("Overdue only").check();
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/overdue=1/);
  await expect(page.getByRole("link", { name: new RegExp(TITLE) })).toHaveCount(0);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Action items" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Action items" })).toBeVisible();
  await expect(page.getByTestId("overdue-by-team")).toBeVisible();
  await snapWidthsAndThemes(page, "action-items");
  await page.getByLabel("Mine").check();
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/owner=me/);
  await expect(item(page, "Alert when a ledger export is late")).toBeVisible();
});

test("a viewer reads a published postmortem and its action items without a way to change them", async ({
  page,
}) => {
  await signInAs(page, "viewer");
  await page.goto("/incidents/postmortems?status=published");
  await page.getByRole("main").getByRole("table").getByRole("link").first().click();
  await expect(page.getByTestId("postmortem-read")).toBeVisible();
  await expect(page.getByTestId("postmortem-editor")).toHaveCount(0);
  await expect(page.getByTestId("approve-form")).toHaveCount(0);
  await expect(page.getByTestId("action-item-control")).toHaveCount(0);
  await expect(page.getByTestId("action-item-form")).toHaveCount(0);
  await expectAccessible(page);

  // A late postmortem says so at the top, for everyone who opens it.
  await page.goto("/incidents/postmortems?overdue=1&status=in_review");
  await page.getByRole("main").getByRole("table").getByRole("link").first().click();
  await expect(page.getByTestId("postmortem-overdue")).toContainText("days late");
  await expect(page.getByTestId("postmortem-due").locator("[data-overdue]")).toBeVisible();
  await snapWidthsAndThemes(page, "postmortem-overdue");
});
