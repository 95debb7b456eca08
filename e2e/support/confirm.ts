import { expect, type Page } from "./test";

/** Answers yes in the confirm dialog titled `title`, which must be open, and waits for it to close. */
export async function confirmInDialog(page: Page, title: string | RegExp) {
  const dialog = page.getByRole("alertdialog", { name: title });
  await expect(dialog).toBeVisible();
  await dialog.getByTestId("confirm-dialog-confirm").click();
  await expect(dialog).toHaveCount(0);
}
