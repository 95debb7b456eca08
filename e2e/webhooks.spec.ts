import { createHmac } from "node:crypto";
import { startReceiver } from "../tests/webhooks/receiver";
import { confirmInDialog } from "./support/confirm";
import { snapWidthsAndThemes } from "./support/screens";
import { expectAccessible, signInAs } from "./support/session";
import { expect, test } from "./support/test";

test("an admin subscribes a receiver, sends a test and sees it delivered in the log", async ({ page }) => {
  const receiver = await startReceiver("ok");
  try {
    await signInAs(page, "admin");
    await page.goto("/admin");
    await page
      .getByRole("link", { name: /Webhooks/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/admin\/webhooks$/);
    await expect(page.getByText("No webhooks yet")).toBeVisible();
    await expectAccessible(page);
    await snapWidthsAndThemes(page, "admin-webhooks-empty");

    // Nothing filled in: both the URL and the events say what they need.
    await page.getByTestId("create-webhook").click();
    await expect(page.getByTestId("error-webhook-url")).toContainText("Enter the receiver's URL.");
    await expect(page.getByTestId("error-events")).toContainText("Pick at least one event type.");
    // Pharos itself is refused beside the field.
    await page.getByLabel("URL").fill(`${new URL(page.url()).origin}/api/v1/services`);
    await page.getByTestId("event-slo.alert.fired").check();
    await page.getByTestId("create-webhook").click();
    await expect(page.getByTestId("error-webhook-url")).toContainText("Pharos itself");

    await page.getByLabel("URL").fill(receiver.url);
    await page.getByLabel("Description").fill("On-call chat bridge");
    await page.getByTestId("event-slo.alert.fired").check();
    await page.getByTestId("event-slo.budget_freeze.entered").check();
    await page.getByTestId("create-webhook").click();
    const secret = (await page.getByTestId("webhook-secret-value").textContent())!;
    expect(secret).toMatch(/^whsec_/);
    await expect(page.getByTestId("webhook-list")).toContainText(receiver.url);
    await snapWidthsAndThemes(page, "admin-webhooks-created");

    await page.getByTestId("new-webhook-link").click();
    await expect(page.getByRole("heading", { level: 1, name: "Webhook" })).toBeVisible();
    await expect(page.getByText("Nothing delivered yet")).toBeVisible();
    await page.getByTestId("send-test").click();
    await expect(page.getByText("Test queued")).toBeVisible();

    // The receiver gets a signed ping: checked here with the secret the page showed once.
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(1);
    const [got] = receiver.received;
    expect(got.headers["x-pharos-event"]).toBe("ping");
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(got.headers["x-pharos-signature"]))!;
    expect(createHmac("sha256", secret).update(`${t}.${got.body}`).digest("hex")).toBe(v1);

    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByTestId("delivery-ping").count();
        },
        { timeout: 15_000 },
      )
      .toBe(1);
    const row = page.getByTestId("delivery-ping");
    await expect(row.getByTestId("delivery-http")).toHaveText("200");
    await expect(row).toContainText("succeeded");
    await expect(row).toContainText(/\d+ ms/);
    await expectAccessible(page);
    await snapWidthsAndThemes(page, "admin-webhook-detail");

    await page.getByTestId("toggle-enabled").click();
    await expect(page.getByTestId("disabled-reason")).toContainText("Turned off by admin@pharos.demo.");
    await expect(page.getByTestId("send-test")).toHaveCount(0);
    await page.getByTestId("toggle-enabled").click();
    await expect(page.getByTestId("disabled-reason")).toHaveCount(0);

    await page.getByTestId("delete-webhook").click();
    await confirmInDialog(page, "Delete this webhook?");
    await expect(page).toHaveURL(/\/admin\/webhooks$/);
    await expect(page.getByText("No webhooks yet")).toBeVisible();
  } finally {
    await receiver.close();
  }
});
