import { confirmInDialog } from "./support/confirm";
import { snapWidthsAndThemes } from "./support/screens";
import { expectAccessible, signInAs } from "./support/session";
import { expect, type Page, test } from "./support/test";

const suggestions = (page: Page) => page.getByTestId("suggestions").getByTestId("suggestion");
const problemState = (page: Page) => page.locator("header [data-problem-state]");

test("an engineer accepts a suggested problem, works it to a known error with an action item; a viewer reads it", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await signInAs(page, "engineer");
  await page.goto("/problems");
  // The demo leaves repeats unlinked: Pharos says why it suggests each group, in words.
  const suggestion = suggestions(page).filter({ hasText: "on checkout-api with similar titles" });
  await expect(suggestion.getByTestId("suggestion-reason")).toHaveText(
    /^\d+ incidents on [a-z0-9-]+ with similar titles within \d+ days?$/,
  );
  await expect(suggestions(page).and(page.locator('[data-kind="same_cause"]')).first()).toContainText(
    /same cause: \w+/,
  );
  const chips = suggestion.getByRole("list", { name: "Its incidents" }).getByRole("link");
  await expect(chips.first()).toBeVisible();
  const refs = await chips.locator(".font-mono").allTextContents();
  expect(refs.length).toBeGreaterThanOrEqual(3);
  await expectAccessible(page);
  await snapWidthsAndThemes(page, "problems-list");

  await suggestion.getByTestId("accept-suggestion").click();
  await suggestion.getByLabel("Problem title").fill("");
  await suggestion.getByTestId("accept-confirm").click();
  await expect(suggestion.getByText(/Name the problem by what keeps failing/)).toBeVisible();
  await suggestion.getByLabel("Problem title").fill("Checkout deploys cause 5xx bursts");
  await suggestion.getByTestId("accept-confirm").click();
  await expect(page.getByTestId("problem-title")).toHaveText("Checkout deploys cause 5xx bursts");
  await expect(
    page.getByText(new RegExp(`Opened PRB-\\d+ with ${refs.length} incidents linked`)),
  ).toBeVisible();
  for (const ref of refs) await expect(page.getByTestId("linked-incidents")).toContainText(ref);
  await expect(problemState(page)).toHaveText("New");

  await page.getByTestId("move-investigating").click();
  await page.locator("#move-reason").fill("Every burst follows a checkout deploy.");
  await page.getByTestId("move-confirm").click();
  await expect(problemState(page)).toHaveText("Investigating");
  // A known error needs its root cause or a workaround: the refusal is said beside both.
  await page.getByTestId("move-known_error").click();
  await page.getByTestId("move-confirm").click();
  await expect(page.getByTestId("error-move-workaround")).toContainText("root cause or a workaround");
  await expect(page.getByTestId("error-move-rootCause")).toBeVisible();
  await expect(problemState(page)).toHaveText("Investigating");
  await page.locator("#move-workaround").fill("Roll the deploy back with `deploy rollback checkout-api`.");
  await page.getByTestId("move-confirm").click();
  await expect(problemState(page)).toHaveText("Known error");
  await expect(page.getByTestId("analysis-workaround")).toContainText("deploy rollback checkout-api");
  const history = page.getByTestId("problem-history");
  await expect(history).toContainText("New → Investigating");
  await expect(history).toContainText("Every burst follows a checkout deploy.");
  await expect(history).toContainText("Investigating → Known error");

  // Its first action item, then a quick status change; "won't do" asks why.
  const form = page.getByTestId("action-item-form");
  await form.getByLabel("What will be done").fill("Canary every checkout-api deploy for 15 minutes");
  await form.getByTestId("action-item-submit").click();
  const item = page.getByTestId("action-item").filter({ hasText: "Canary every checkout-api deploy" });
  await expect(item).toBeVisible();
  await expect(item).toContainText("Sam Rivera");
  await item.getByLabel(/^Status of/).selectOption("wont_do");
  await item.getByRole("button", { name: "Update" }).click();
  await expect(item.getByText("Say why it will not be done")).toBeVisible();
  await item.getByLabel(/will not be done$/).fill("Covered by the platform's progressive delivery.");
  await item.getByRole("button", { name: "Update" }).click();
  await expect(item).toContainText("Won't do: Covered by the platform's progressive delivery.");
  await item.getByLabel(/^Status of/).selectOption("in_progress");
  await item.getByRole("button", { name: "Update" }).click();
  await expect(item).not.toContainText("Won't do:");
  // The page's head is drawn again after each write; scan it once it is whole.
  await expect(page).toHaveTitle("Problem · Pharos");
  await expectAccessible(page);
  await snapWidthsAndThemes(page, "problem-page");

  // A viewer reads the same problem, with no way to change it.
  const url = page.url();
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signInAs(viewer, "viewer");
  await viewer.goto(url);
  await expect(viewer.getByTestId("problem-title")).toHaveText("Checkout deploys cause 5xx bursts");
  await expect(viewer.getByTestId("linked-incidents")).toContainText(refs[0]);
  await expect(viewer.getByTestId("action-item")).toContainText("Canary every checkout-api deploy");
  for (const id of ["move-resolved", "problem-edit-form", "link-incidents-form", "action-item-form"])
    await expect(viewer.getByTestId(id)).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Unlink" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Update" })).toHaveCount(0);
  await expectAccessible(viewer);
  await viewer.goto("/problems");
  await expect(suggestions(viewer).first()).toBeVisible();
  await expect(viewer.getByTestId("accept-suggestion")).toHaveCount(0);
  await expect(viewer.getByTestId("new-problem")).toHaveCount(0);
  await viewerContext.close();
});

test("two people edit one problem: the second sees the first's version beside their edit and applies theirs on top", async ({
  page,
  browser,
}) => {
  await signInAs(page, "engineer");
  await page.goto("/problems?q=connection pool");
  await page
    .getByRole("main")
    .getByRole("link", { name: /Payments connection pool/ })
    .click();
  await page.getByText("Edit the analysis and details").click();
  const form = page.getByTestId("problem-edit-form");
  await form.getByLabel("Root cause").fill("The pool is sized for one replica; the autoscaler adds five.");

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signInAs(other, "admin");
  await other.goto(page.url());
  await other.getByText("Edit the analysis and details").click();
  await other.getByTestId("problem-edit-form").getByLabel("Workaround").fill("Pin the replicas to two.");
  await other.getByTestId("problem-save").click();
  await expect(other.getByTestId("problem-edit-form").getByText("Saved.")).toBeVisible();
  await otherContext.close();

  await page.getByTestId("problem-save").click();
  const conflict = page.getByTestId("conflict-panel");
  await expect(conflict).toContainText("was saved while you edited");
  await expect(conflict).toContainText("Pin the replicas to two.");
  await expect(form.getByLabel("Root cause")).toHaveValue(/sized for one replica/);
  await snapWidthsAndThemes(page, "problem-conflict");
  await page.getByTestId("rebase-edit").click();
  // On top of theirs: the workaround this person left alone now holds the admin's.
  await expect(form.getByLabel("Workaround")).toHaveValue("Pin the replicas to two.");
  await expect(form.getByLabel("Root cause")).toHaveValue(/sized for one replica/);
  await page.getByTestId("problem-save").click();
  await expect(page.getByTestId("analysis-root-cause")).toContainText("sized for one replica");
  await expect(page.getByTestId("analysis-workaround")).toContainText("Pin the replicas to two.");
});

test("a dismissed suggestion stays gone after a reload", async ({ page }) => {
  await signInAs(page, "engineer");
  await page.goto("/problems");
  const count = await suggestions(page).count();
  expect(count).toBeGreaterThan(1);
  const first = suggestions(page).first();
  const reason = (await first.getByTestId("suggestion-reason").textContent()) ?? "";
  await first.getByTestId("dismiss-suggestion").click();
  await confirmInDialog(page, "Dismiss this suggestion?");
  await expect(suggestions(page)).toHaveCount(count - 1);
  await expect(page.getByTestId("suggestion-reason").getByText(reason, { exact: true })).toHaveCount(0);
  await page.reload();
  await expect(suggestions(page)).toHaveCount(count - 1);
  await expect(page.getByTestId("suggestion-reason").getByText(reason, { exact: true })).toHaveCount(0);
});

test("a problem opened by hand says what is wrong beside each field", async ({ page }) => {
  await signInAs(page, "engineer");
  await page.goto("/problems");
  await page.getByTestId("new-problem").click();
  await expect(page.getByRole("heading", { level: 1, name: "New problem" })).toBeVisible();
  await expect(page.getByLabel("Owner (email)")).toHaveValue("engineer@pharos.demo");
  await page.getByLabel("Owner (email)").fill("nobody@pharos.demo");
  await page.getByLabel("Incidents to link").fill("INC-999999");
  await page.getByTestId("problem-create-submit").click();
  await expect(page.getByTestId("error-title")).toContainText("Name the problem");
  await snapWidthsAndThemes(page, "problem-new");
  await page.getByLabel("Title").fill("Ledger batch jobs overrun their window");
  await page.getByLabel("Service").fill("ledger");
  await page.getByTestId("problem-create-submit").click();
  await expect(page.getByTestId("error-owner")).toContainText(
    "Nobody in Pharos has the email nobody@pharos.demo",
  );
  await page.getByLabel("Owner (email)").fill("engineer@pharos.demo");
  await page.getByTestId("problem-create-submit").click();
  await expect(page.getByTestId("error-incidents")).toContainText("No incident INC-999999.");
  await page.getByLabel("Incidents to link").fill("");
  await page.getByTestId("problem-create-submit").click();
  await expect(page.getByTestId("problem-title")).toHaveText("Ledger batch jobs overrun their window");
  await expect(page.getByText("Opened PRB-")).toContainText("0 incidents linked");
});

test("the engineer's home lists their incidents and action items, overdue ones first", async ({ page }) => {
  await signInAs(page, "engineer");
  const incidents = page.getByTestId("my-incidents");
  await expect(incidents).toContainText("Checkout errors in EU");
  await expect(incidents).toContainText("Incident commander");
  const mine = page.getByTestId("my-action-items");
  await expect(mine.getByRole("heading", { name: "My action items" })).toBeVisible();
  await expect(mine).toContainText(/\d+ overdue/);
  const rows = mine.locator(".ai-line");
  await expect(rows.first()).toHaveAttribute("data-overdue", "true");
  await expect(rows.first()).toContainText(/Overdue · was due \d{4}-\d{2}-\d{2}/);
  // Each leads to where its work came from: its postmortem or its problem.
  for (const href of await rows.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href"))))
    expect(href).toMatch(/^\/(incidents\/[0-9a-f-]{36}\/postmortem|problems\/[0-9a-f-]{36})$/);
  await expectAccessible(page);
  await snapWidthsAndThemes(page, "home-engineer-work");
});
