import { expectAccessible, signInAs } from "./support/session";
import { expect, test } from "./support/test";

test("a viewer is refused admin pages and writes", async ({ page, request }) => {
  await signInAs(page, "viewer");
  for (const path of [
    "/admin",
    "/admin/users",
    "/admin/users/new",
    "/admin/teams",
    "/admin/audit",
    "/admin/tokens",
  ]) {
    await page.goto(path);
    await expect(page.getByTestId("forbidden")).toBeVisible();
  }
  await expectAccessible(page);
  // The REST door refuses a write without a token…
  const anonymous = await request.post("/api/v1/teams", { data: { slug: "sneaky", name: "Sneaky" } });
  expect(anonymous.status()).toBe(401);
  // …and refuses the browser session cookie as a credential (no cross-site riding).
  const withCookie = await page.request.post("/api/v1/teams", { data: { slug: "sneaky", name: "Sneaky" } });
  expect(withCookie.status()).toBe(401);
  expect((await withCookie.json()).error.code).toBe("unauthorized");
});
