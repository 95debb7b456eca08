import { confirmInDialog } from "./support/confirm";
import { snapWidthsAndThemes } from "./support/screens";
import { expectAccessible, signIn, signInAs, snap } from "./support/session";
import { expect, test } from "./support/test";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

test.describe("admin: users", () => {
  test("invalid fields show messages beside them and keep the input", async ({ page }) => {
    await signInAs(page, "admin");
    await page.goto("/admin/users/new");
    await page.getByLabel("Name").fill("Quinn Harper");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Initial password (optional)").fill("short");
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByTestId("error-email")).toHaveText("Enter a valid email address.");
    await expect(page.getByTestId("error-password")).toContainText("at least 10 characters");
    await expect(page.getByLabel("Name")).toHaveValue("Quinn Harper");
    await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
    await expectAccessible(page);
    await snap(page, "admin-user-invalid");
  });

  test("an invited user joins through the one-time link and signs in", async ({ page, browser }) => {
    await signInAs(page, "admin");
    await page.goto("/admin/users/new");
    await page.getByLabel("Name").fill("Quinn Harper");
    await page.getByLabel("Email").fill("quinn.harper@pharos.demo");
    await page.getByLabel("Role").selectOption("engineer");
    await page.getByLabel("Payments").check();
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByTestId("form-success")).toHaveText("Created quinn.harper@pharos.demo.");
    const link = await page.getByTestId("invite-link").locator("code").textContent();
    expect(link).toMatch(/\/invite\/pharos_/);
    await snap(page, "admin-user-invited");

    const invitee = await browser.newPage();
    await invitee.goto(link!);
    await invitee.getByLabel("New password").fill("quinn-password-1");
    await invitee.getByLabel("Repeat the password").fill("quinn-password-2");
    await invitee.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(invitee.getByTestId("error-confirm")).toHaveText("The two passwords differ.");
    await invitee.getByLabel("New password").fill("quinn-password-1");
    await invitee.getByLabel("Repeat the password").fill("quinn-password-1");
    await invitee.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(invitee.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
    await expect(invitee.getByRole("link", { name: "Payments", exact: true })).toBeVisible();

    // The link works once.
    const again = await browser.newPage();
    await again.goto(link!);
    await again.getByLabel("New password").fill("quinn-password-3");
    await again.getByLabel("Repeat the password").fill("quinn-password-3");
    await again.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(again.getByTestId("form-error")).toContainText("expired or was already used");
  });

  test("deactivating a user ends their open session at once", async ({ page, browser }) => {
    const victim = await browser.newPage();
    await signIn(victim, "changes@pharos.demo");
    await expect(victim.getByRole("heading", { level: 1, name: "Change control" })).toBeVisible();

    await signInAs(page, "admin");
    await page.goto("/admin/users?q=changes%40pharos.demo");
    const row = page.getByTestId("user-row-changes@pharos.demo");
    await expect(row).toContainText("Change manager");
    await expect(row.getByRole("link", { name: "Platform" })).toHaveAttribute("href", "/teams/platform");
    // The row's writes wait behind one menu, not in a column of buttons.
    await expect(row.getByRole("button")).toHaveCount(1);
    const actions = page.getByTestId("user-actions-changes@pharos.demo");
    await actions.click();
    await expect(page.getByRole("menuitemradio", { name: "Change manager" })).toHaveAttribute(
      "aria-checked",
      "true",
    );
    await expectAccessible(page);
    await snapWidthsAndThemes(page, "admin-users-menu");
    await page.getByRole("menuitem", { name: "Deactivate…" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Deactivate changes@pharos.demo?" });
    await expect(dialog).toContainText("Their sessions and API tokens stop working at once.");
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await expectAccessible(page);
    await snapWidthsAndThemes(page, "admin-users-confirm");
    // Escape says no: nothing changes and focus is back on the menu button.
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(actions).toBeFocused();
    await expect(row).not.toContainText("Deactivated");
    // Tab stays inside the dialog.
    await actions.click();
    await page.getByRole("menuitem", { name: "Deactivate…" }).click();
    for (let i = 0; i < 3; i++) await page.keyboard.press("Tab");
    await expect(dialog.locator(":focus")).toHaveCount(1);
    await confirmInDialog(page, "Deactivate changes@pharos.demo?");
    await expect(page.getByText("changes@pharos.demo is deactivated")).toBeVisible();
    await expect(row).toContainText("Deactivated");
    await snap(page, "admin-users");

    await victim.goto("/services");
    await expect(victim).toHaveURL(/\/login/);
    await signIn(victim, "changes@pharos.demo");
    await expect(victim.getByTestId("login-error")).toContainText("deactivated");

    // Restore for the other journeys.
    await actions.click();
    await page.getByRole("menuitem", { name: "Reactivate" }).click();
    await expect(page.getByText("changes@pharos.demo is active again.")).toBeVisible();
  });

  test("a role changes from the row's menu, in words", async ({ page }) => {
    await signInAs(page, "admin");
    await page.goto("/admin/users?q=luca.romano%40pharos.demo");
    const row = page.getByTestId("user-row-luca.romano@pharos.demo");
    const setRole = async (label: string) => {
      await page.getByTestId("user-actions-luca.romano@pharos.demo").click();
      await page.getByRole("menuitemradio", { name: label }).click();
      await expect(row.getByRole("cell", { name: label, exact: true })).toBeVisible();
    };
    await setRole("Change manager");
    await expect(page.getByText("Saved luca.romano@pharos.demo.")).toBeVisible();
    await expect(row).not.toContainText("change_manager");
    await setRole("Engineer");
  });

  test("the audit log records those writes and filters them", async ({ page }) => {
    await signInAs(page, "admin");
    await page.goto("/admin/audit?action=user.deactivate");
    const first = page.getByTestId("audit-row").first();
    await expect(first).toContainText("user.deactivate");
    await expect(first).toContainText("admin@pharos.demo");
    // The entity by name, linked; its id only in the title, never as the text.
    const entity = first.getByTestId("audit-entity");
    await expect(entity.getByRole("link", { name: "Priya Shah" })).toHaveAttribute(
      "href",
      "/admin/users?q=changes%40pharos.demo",
    );
    await expect(entity).toContainText("changes@pharos.demo");
    await expect(entity).toHaveAttribute("title", UUID);
    await expect(entity).not.toContainText(UUID);
    await first.locator("summary").click();
    await expect(first).toContainText("deactivatedAt");
    await expectAccessible(page);
    await snapWidthsAndThemes(page, "admin-audit");
    await page.goto("/admin/audit?action=no.such.action");
    await expect(page.getByText("No entries match")).toBeVisible();
  });

  test("one PATCH changes name, role and active together; repeating it changes nothing", async ({
    page,
    request,
  }) => {
    await signInAs(page, "admin");
    await page.goto("/settings/tokens");
    await page.getByLabel("Name").fill("user-admin");
    await page.getByLabel("Read", { exact: true }).uncheck();
    await page.getByLabel("Everything", { exact: true }).check();
    await page.getByRole("button", { name: "Create token" }).click();
    const headers = { authorization: `Bearer ${await page.getByTestId("new-token-value").textContent()}` };
    const found = await request.get("/api/v1/users?q=tom.becker%40pharos.demo", { headers });
    const [tom] = (await found.json()).items;
    const patch = (data: unknown) => request.patch(`/api/v1/users/${tom.id}`, { headers, data });

    const changed = await patch({ name: "Thomas Becker", role: "viewer", active: false });
    expect(changed.status()).toBe(200);
    expect(await changed.json()).toMatchObject({
      name: "Thomas Becker",
      role: "viewer",
      deactivatedAt: expect.any(String),
    });
    const again = await patch({ name: "Thomas Becker", role: "viewer", active: false });
    expect(again.status()).toBe(200);
    expect((await again.json()).deactivatedAt).toBe((await changed.json()).deactivatedAt);
    await page.goto(`/admin/audit?entityId=${tom.id}`);
    await expect(page.getByTestId("audit-row")).toHaveCount(1);
    await expect(page.getByTestId("audit-row")).toContainText("user.deactivate");

    // Put the demo user back for the other journeys.
    expect((await patch({ name: "Tom Becker", role: "engineer", active: true })).status()).toBe(200);
    await page.goto(`/admin/audit?entityId=${tom.id}`);
    await expect(page.getByTestId("audit-row")).toHaveCount(2);
  });
});
