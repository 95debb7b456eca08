import { expectAccessible, signInAs, snap } from "./support/session";
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
  await snap(page, "settings-tokens");

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
  // Catalog reads are answered by the fast lane in front of Next (lib/api/fast-lane.ts).
  const service = await request.get("/api/v1/services/payments-api", {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(service.status()).toBe(200);
  expect(service.headers()["x-pharos-lane"]).toBe("fast");
  expect((await service.json()).ownerTeam).toBe("payments");

  // Reloading does not show the secret again.
  await page.reload();
  await expect(page.getByTestId("new-token-value")).toHaveCount(0);
  page.once("dialog", (d) => d.accept());
  await page.getByTestId("revoke-ci-deploy").click();
  await expect(page.getByTestId("token-row-ci-deploy")).toContainText("Revoked");
  const after = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
  // The fast lane checks the token on every request too: revoked means refused at once.
  const afterFast = await request.get("/api/v1/services/payments-api", {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(afterFast.status()).toBe(401);
  expect(afterFast.headers()["x-pharos-lane"]).toBe("fast");
});
