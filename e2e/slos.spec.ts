import { startReceiver } from "../tests/webhooks/receiver";
import { confirmInDialog } from "./support/confirm";
import { snapWidthsAndThemes } from "./support/screens";
import { expectAccessible, signInAs, signOut } from "./support/session";
import { expect, test } from "./support/test";

const BUCKET = 5 * 60_000;

/** `count` 5-minute buckets ending with the current one, `bad` of `total` failing in each. */
function buckets(count: number, total: number, bad: number) {
  const last = Math.floor(Date.now() / BUCKET) * BUCKET;
  return Array.from({ length: count }, (_, i) => ({
    start: new Date(last - (count - 1 - i) * BUCKET).toISOString(),
    good: total - bad,
    total,
  }));
}

test("an engineer defines an SLO, pushes data with a measurements-only token, and sees status, charts and the alert", async ({
  page,
  request,
}) => {
  await signInAs(page, "engineer");
  await page.goto("/services/refunds");
  await page.getByRole("link", { name: "Define an SLO" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Define an SLO" })).toBeVisible();
  await page.getByLabel("Name").fill("Refund availability");
  // A target of 100 % leaves no budget: the field says so and nothing is saved.
  await page.getByLabel("Target (%)").fill("100");
  await page.getByRole("button", { name: "Define SLO" }).click();
  await expect(page.getByTestId("error-targetPercent")).toContainText("no error budget");
  await expect(page.getByLabel("Name")).toHaveValue("Refund availability");
  await page.getByLabel("Target (%)").fill("99.5");
  await page.getByLabel("Kind").selectOption("calendar");
  await page.getByLabel("Time zone").fill("Mars/Olympus");
  await page.getByRole("button", { name: "Define SLO" }).click();
  await expect(page.getByTestId("error-timeZone")).toContainText("Unknown time zone");
  await page.getByLabel("Kind").selectOption("rolling");
  await page.getByLabel("Alert guard (events)").fill("20");
  await page.getByRole("button", { name: "Define SLO" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Refund availability" })).toBeVisible();
  await expect(page.locator("[data-slo-state]").first()).toHaveText("No data");
  const sloId = new URL(page.url()).pathname.split("/").pop()!;

  // A token that may push measurements and nothing else, made in the settings.
  await page.goto("/settings/tokens");
  await page.getByLabel("Name").fill("refunds-collector");
  await page.getByTestId("scope-read").uncheck();
  await page.getByTestId("scope-slo:measurements").check();
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token-value").textContent())!;
  const auth = { authorization: `Bearer ${token}` };

  const bad = await request.post(`/api/v1/slos/${sloId}/measurements`, {
    headers: auth,
    data: { buckets: [{ start: "2026-01-01T00:03:00Z", good: 5, total: 4 }] },
  });
  expect(bad.status()).toBe(400);
  expect(Object.keys((await bad.json()).error.fields)).toEqual(
    expect.arrayContaining(["buckets.0.good", "buckets.0.start"]),
  );
  // Healthy for the last day, then a hard failure over the last hour: a fast-burn page.
  const day = buckets(288, 200, 0).slice(0, 276);
  const hour = buckets(12, 200, 60);
  const pushed = await request.post(`/api/v1/slos/${sloId}/measurements`, {
    headers: auth,
    data: { buckets: [...day, ...hour] },
  });
  expect(pushed.status()).toBe(200);
  expect(await pushed.json()).toMatchObject({ written: 288 });
  expect((await request.get(`/api/v1/slos/${sloId}`, { headers: auth })).status()).toBe(403);

  await page.goto(`/slos/${sloId}`);
  await expect(page.getByTestId("slo-sli")).not.toHaveText("–");
  await expect(page.getByTestId("rule-page_fast")).toContainText("Firing");
  await expect(page.getByTestId("alert-row").first()).toContainText("Page");
  for (const chart of ["attainment", "budget", "burn"])
    await expect(page.getByTestId(`chart-${chart}`).locator("svg.recharts-surface")).toBeVisible();

  // An adjustment with a bad RRULE is refused; a good one is listed.
  await page
    .getByLabel("Starts (UTC)")
    .fill(`${new Date(Date.now() - 3_600_000).toISOString().slice(0, 16)}Z`);
  await page.getByLabel("Repeats (RRULE, optional)").fill("FREQ=SOMETIMES");
  await page.getByLabel("Reason").fill("Refund queue migration");
  await page.getByRole("button", { name: "Exclude from the budget" }).click();
  await expect(page.getByTestId("error-rrule")).toContainText("RRULE");
  await page.getByLabel("Repeats (RRULE, optional)").fill("");
  await page.getByRole("button", { name: "Exclude from the budget" }).click();
  await expect(page.getByTestId("adjustment")).toContainText("Refund queue migration");
  await expectAccessible(page);
  await snapWidthsAndThemes(page, "slo-page");
  await signOut(page);
});

test("everyone reads the SLO list and the reliability scorecard; a viewer cannot change an SLO", async ({
  page,
}) => {
  await signInAs(page, "viewer");
  await page.goto("/slos");
  await expect(page.getByRole("heading", { level: 1, name: "SLOs" })).toBeVisible();
  await expect(page.getByTestId("state-count-breaching")).toContainText("1");
  await page.getByTestId("state-count-breaching").click();
  await expect(page).toHaveURL(/state=breaching/);
  await expect(page.getByRole("link", { name: "Fraud score availability" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ledger write availability" })).toHaveCount(0);
  await expectAccessible(page);
  await snapWidthsAndThemes(page, "slo-list");

  await page.getByRole("link", { name: "Fraud score availability" }).click();
  await expect(page.getByTestId("budget-freeze")).toBeVisible();
  await expect(page.getByTestId("chart-budget").locator("svg.recharts-surface")).toBeVisible();
  await expectAccessible(page);
  await snapWidthsAndThemes(page, "slo-page-breaching");
  await expect(page.getByRole("link", { name: "Edit definition" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Exclude from the budget" })).toHaveCount(0);

  // The demo's payment authorisation is failing now: its page alert is open.
  await page.goto("/slos?q=authorisation");
  await page.getByRole("link", { name: "Payment authorisation success" }).click();
  await expect(page.getByTestId("rule-page_fast")).toContainText("Firing");
  await expect(page.getByTestId("chart-burn").locator("svg.recharts-surface")).toBeVisible();
  await snapWidthsAndThemes(page, "slo-page-burning");

  await page.goto("/slos/scorecard");
  await expect(page.getByRole("heading", { level: 1, name: "Reliability scorecard" })).toBeVisible();
  // The twelve demo SLOs, and any a journey before this one defined.
  expect(await page.getByTestId("scorecard-chip").count()).toBeGreaterThanOrEqual(12);
  await expect(
    page.getByTestId("scorecard-chip").filter({ hasText: "Fraud score availability" }),
  ).toHaveClass(/state-breaching/);
  await expectAccessible(page);
  await snapWidthsAndThemes(page, "slo-scorecard");

  await page.goto("/services/fraud-scoring");
  await expect(page.getByTestId("budget-freeze-badge")).toBeVisible();
  await page.goto("/slos/new?service=ledger");
  await expect(page.getByTestId("forbidden")).toBeVisible();
});

test("a fast burn pages through a subscribed webhook, and the delivery shows in its log", async ({
  page,
  request,
}) => {
  const receiver = await startReceiver("ok");
  try {
    await signInAs(page, "admin");
    await page.goto("/admin/webhooks");
    await page.getByLabel("URL").fill(receiver.url);
    await page.getByLabel("Description").fill("Paging bridge");
    await page.getByTestId("event-slo.alert.fired").check();
    await page.getByTestId("create-webhook").click();
    await expect(page.getByTestId("webhook-secret-value")).toBeVisible();
    await page.getByTestId("new-webhook-link").click();
    await expect(page).toHaveURL(/\/admin\/webhooks\/[0-9a-f-]{36}$/);
    const hookUrl = page.url();

    await page.goto("/settings/tokens");
    await page.getByLabel("Name").fill("slo-admin");
    await page.getByTestId("scope-read").uncheck();
    await page.getByTestId("scope-slo:write").check();
    await page.getByTestId("scope-slo:measurements").check();
    await page.getByRole("button", { name: "Create token" }).click();
    const auth = { authorization: `Bearer ${(await page.getByTestId("new-token-value").textContent())!}` };
    const created = await request.post("/api/v1/slos", {
      headers: auth,
      data: {
        service: "invoicing",
        name: "Invoice rendering",
        sliKind: "ratio",
        target: 0.999,
        window: { type: "rolling", days: 30 },
        minEvents: 10,
      },
    });
    expect(created.status()).toBe(201);
    const { id } = await created.json();
    const pushed = await request.post(`/api/v1/slos/${id}/measurements`, {
      headers: auth,
      data: { buckets: buckets(12, 500, 100) },
    });
    expect((await pushed.json()).alerts).toContainEqual(
      expect.objectContaining({ rule: "page_fast", change: "fired" }),
    );

    // Every rule fires at 20 % errors (page fast, page slow and ticket): each is its own delivery.
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    const fired = receiver.received
      .map((r) => JSON.parse(r.body))
      .find((b) => b.type === "slo.alert.fired" && b.data.alert.rule === "page_fast");
    expect(fired.data).toMatchObject({
      slo: { id, serviceSlug: "invoicing" },
      alert: { rule: "page_fast", severity: "page" },
    });

    await page.goto(hookUrl);
    await expect(
      page.getByTestId("delivery-slo.alert.fired").first().getByTestId("delivery-http"),
    ).toHaveText("200");
    await page.getByTestId("delete-webhook").click();
    await confirmInDialog(page, "Delete this webhook?");
    await expect(page).toHaveURL(/\/admin\/webhooks$/);
  } finally {
    await receiver.close();
  }
});
