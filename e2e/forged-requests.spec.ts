import { signInAs } from "./support/session";
import { expect, test } from "./support/test";

test.describe("forged writes are refused with nothing written", () => {
  test("a viewer's session submitting an admin's form gets 'no permission'", async ({ page, browser }) => {
    const viewerContext = await browser.newContext();
    await signInAs(await viewerContext.newPage(), "viewer");
    const viewerCookies = await viewerContext.cookies();

    await signInAs(page, "admin");
    await page.goto("/admin/teams");
    await page.getByLabel("Slug").fill("forged-by-viewer");
    await page.getByLabel("Name").fill("Forged");
    // Swap the admin's session for the viewer's under the rendered form, then submit it.
    // Wait for link prefetches first: their responses refresh the admin's session cookie.
    await page.waitForLoadState("networkidle");
    await page.context().clearCookies();
    await page.context().addCookies(viewerCookies);
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByTestId("form-error")).toHaveText("You do not have permission to do that.");

    await page.context().clearCookies();
    await signInAs(page, "admin");
    await page.goto("/teams");
    await expect(page.getByText("Forged", { exact: true })).toHaveCount(0);
  });

  test("a cross-site POST to a server action is rejected", async ({ page }) => {
    await signInAs(page, "admin");
    await page.goto("/admin/teams");
    await page.getByLabel("Slug").fill("forged-cross-site");
    await page.getByLabel("Name").fill("Cross Site");
    // Capture the genuine action request the form would send, without sending it…
    let captured: { headers: Record<string, string>; body: Buffer } | null = null;
    await page.route("**/admin/teams", async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      captured = { headers: route.request().headers(), body: route.request().postDataBuffer()! };
      await route.abort();
    });
    await page.getByRole("button", { name: "Create team" }).click();
    await expect.poll(() => captured).not.toBeNull();
    await page.unrouteAll();
    // …then replay it exactly, as another site would, with the admin's cookies attached.
    const { headers, body } = captured!;
    const forged = await page.request.post("/admin/teams", {
      headers: { ...headers, origin: "https://evil.example" },
      data: body,
    });
    expect(forged.status()).toBeGreaterThanOrEqual(400);
    await page.goto("/teams");
    await expect(page.getByText("Cross Site", { exact: true })).toHaveCount(0);
    // Control: the identical request from our own origin does write, so the refusal was the origin check.
    const genuine = await page.request.post("/admin/teams", { headers, data: body });
    expect(genuine.status()).toBe(200);
    await page.goto("/teams");
    await expect(page.getByText("Cross Site", { exact: true })).toHaveCount(1);
  });
});
