import { snap } from "./session";
import { expect, type Page } from "./test";

const WIDTHS = [1280, 1440, 375];

/**
 * Screenshots of the page as it stands — an open menu or dialog stays open — at 1280, 1440 and
 * 375 px in the light and the dark theme when E2E_SCREENS=1 (one light shot otherwise), and
 * at every width nothing may be wider than the screen.
 */
export async function snapWidthsAndThemes(page: Page, name: string) {
  if (!process.env.E2E_SCREENS) return snap(page, name);
  const viewport = page.viewportSize();
  for (const colorScheme of ["light", "dark"] as const) {
    // The theme follows the system unless the person picked one, so this switches it in place.
    await page.emulateMedia({ colorScheme });
    await expect(page.locator("html")).toHaveClass(colorScheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await snap(page, `${name}-${width}-${colorScheme}`);
      const overflow = await page.evaluate(
        () => (document.scrollingElement?.scrollWidth ?? 0) - document.documentElement.clientWidth,
      );
      expect(overflow, `${name} at ${width} px is wider than the screen`).toBeLessThanOrEqual(0);
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  if (viewport) await page.setViewportSize(viewport);
}
