import { confirmInDialog } from "./support/confirm";
import { snapWidthsAndThemes } from "./support/screens";
import { expectAccessible, signInAs, signOut, snap } from "./support/session";
import { expect, test } from "./support/test";

test("an engineer creates a token, uses it on the API, and revokes it", async ({ page, request }) => {
  await signInAs(page, "engineer");
  await page.goto("/settings/tokens");
  await expect(page.getByText("No API tokens")).toBeVisible();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("error-token-name")).toBeVisible();
  await page.getByLabel("Name").fill("ci-deploy");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token-value").textContent())!;
  expect(token).toMatch(/^pharos_/);
  await expectAccessible(page);
  await snapWidthsAndThemes(page, "settings-tokens");

  const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({
    email: "engineer@pharos.demo",
    role: "engineer",
    scopes: ["read"],
  });
  // A read-only token cannot write, even where the role could.
  const write = await request.post("/api/v1/teams", {
    headers: { authorization: `Bearer ${token}` },
    data: { slug: "x-team", name: "X" },
  });
  expect(write.status()).toBe(403);
  expect((await write.json()).error.code).toBe("forbidden");
  const service = await request.get("/api/v1/services/payments-api", {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(service.status()).toBe(200);
  expect((await service.json()).ownerTeam).toBe("payments");

  // Reloading does not show the secret again.
  await page.reload();
  await expect(page.getByTestId("new-token-value")).toHaveCount(0);
  await page.getByTestId("revoke-ci-deploy").click();
  await confirmInDialog(page, "Revoke “ci-deploy”?");
  await expect(page.getByTestId("token-row-ci-deploy")).toContainText("Revoked");
  const after = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
  // Catalog reads check the token on every request too: revoked means refused at once.
  const afterRead = await request.get("/api/v1/services/payments-api", {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(afterRead.status()).toBe(401);
});

test("the token form offers only what the role can use, per area and for CI", async ({ page, request }) => {
  await signInAs(page, "viewer");
  await page.goto("/settings/tokens");
  await expect(page.getByLabel("Read", { exact: true })).toBeChecked();
  await expect(page.getByLabel("Catalog: read", { exact: true })).toBeVisible();
  // A viewer is offered no write scope at all.
  await expect(page.getByLabel("Read and write", { exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Catalog: read and write", { exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Push SLO measurements")).toHaveCount(0);
  await snap(page, "settings-tokens-viewer");

  await signOut(page);
  await signInAs(page, "engineer");
  await page.goto("/settings/tokens");
  await expect(page.getByLabel("Everything", { exact: true })).toHaveCount(0);
  await page.getByLabel("Name").fill("ci-slo");
  await page.getByLabel("Read", { exact: true }).uncheck();
  await page.getByLabel("Catalog: read", { exact: true }).check();
  await page.getByLabel("Push SLO measurements").check();
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token-value").textContent())!;
  await expect(page.getByTestId("token-row-ci-slo")).toContainText("Catalog: read");
  await expect(page.getByTestId("token-row-ci-slo")).toContainText("SLO measurements (CI)");
  await expectAccessible(page);
  const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
  expect((await me.json()).scopes).toEqual(["catalog:read", "slo:measurements"]);
  const write = await request.patch("/api/v1/services/payments-api", {
    headers: { authorization: `Bearer ${token}` },
    data: { description: "Not with this token." },
  });
  expect(write.status()).toBe(403);
});

test("an admin mints a token for someone; its writes are audited under both names", async ({
  page,
  request,
}) => {
  await signInAs(page, "admin");
  // The page says what an admin sees there and may do.
  await page.goto("/admin/tokens");
  await expect(page.getByRole("heading", { level: 1, name: "All API tokens" })).toBeVisible();
  await expect(page.getByText(/As an admin you see every person’s tokens/)).toContainText("never the secret");
  await snapWidthsAndThemes(page, "admin-tokens");
  await page.goto("/admin/users?q=engineer%40pharos.demo");
  await page.getByRole("link", { name: "API tokens of engineer@pharos.demo" }).click();
  await expect(page.getByRole("heading", { name: "New token for Sam Rivera" })).toBeVisible();
  await page.getByLabel("Name").fill("deploy-bot");
  await page.getByLabel("Read", { exact: true }).uncheck();
  await page.getByLabel("Catalog: read and write", { exact: true }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token-value").textContent())!;
  await expect(page.getByTestId("token-row-deploy-bot")).toContainText("Minted by admin@pharos.demo");
  await expectAccessible(page);
  await snap(page, "admin-tokens-owner");

  const patch = (description: string) =>
    request.patch("/api/v1/services/fraud-scoring", {
      headers: { authorization: `Bearer ${token}` },
      data: { description },
    });
  expect((await patch("Real-time risk scores, as deployed by the bot.")).status()).toBe(200);
  // Put the demo text back for the other journeys (another audited write through the token).
  expect((await patch("Real-time risk scores for authorisations.")).status()).toBe(200);
  await page.goto("/admin/audit?action=service.patch");
  const row = page.getByTestId("audit-row").first();
  await expect(row).toContainText("engineer@pharos.demo");
  await expect(row.getByTestId("audit-minted-by")).toHaveText("via a token minted by admin@pharos.demo");
  await expect(row.getByTestId("audit-entity").getByRole("link", { name: "Fraud Scoring" })).toHaveAttribute(
    "href",
    "/services/fraud-scoring",
  );
  await snap(page, "admin-audit-minted");

  // The owner sees who made it, and can revoke it.
  await signOut(page);
  await signInAs(page, "engineer");
  await page.goto("/settings/tokens");
  await expect(page.getByTestId("token-row-deploy-bot")).toContainText("Minted by admin@pharos.demo");
  await page.getByTestId("revoke-deploy-bot").click();
  await confirmInDialog(page, "Revoke “deploy-bot”?");
  await expect(page.getByTestId("token-row-deploy-bot")).toContainText("Revoked");
});
