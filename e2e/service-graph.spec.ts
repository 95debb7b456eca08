import { expectAccessible, signInAs, snap } from "./support/session";
import { expect, type Page, test } from "./support/test";

async function expectNoOverflow(page: Page) {
  const overflow = await page.evaluate(
    () => (document.scrollingElement?.scrollWidth ?? 0) - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Every drawn node lies inside the graph's box: the flow was fitted to what it now shows. */
async function expectFitted(page: Page) {
  const graph = page.getByTestId("dependency-graph");
  const box = (await graph.boundingBox())!;
  const nodes = await graph.locator(".react-flow__node").evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top + window.scrollY, bottom: r.bottom + window.scrollY };
    }),
  );
  const top = box.y + (await page.evaluate(() => window.scrollY));
  for (const n of nodes) {
    expect(n.left).toBeGreaterThanOrEqual(box.x - 1);
    expect(n.right).toBeLessThanOrEqual(box.x + box.width + 1);
    expect(n.top).toBeGreaterThanOrEqual(top - 1);
    expect(n.bottom).toBeLessThanOrEqual(top + box.height + 1);
  }
}

test.describe("the service page's dependency graph", () => {
  test("a viewer reaches two hops out with the control, reads the legend, and nothing overflows a phone", async ({
    page,
  }) => {
    await signInAs(page, "viewer");
    await page.goto("/services/storefront-web");
    const graph = page.getByTestId("dependency-graph");
    const nodes = graph.locator(".react-flow__node");
    await expect(graph.getByText("API Gateway")).toBeVisible();
    const oneHop = await nodes.count();
    await expect(graph.getByText("Auth Service")).toHaveCount(0);

    await page.getByTestId("hop-control").getByRole("link", { name: "2 hops" }).click();
    await expect(page).toHaveURL(/\/services\/storefront-web\?hops=2$/);
    await expect(page.getByRole("link", { name: "2 hops" })).toHaveAttribute("aria-current", "page");
    await expect(graph.getByText("Auth Service")).toBeVisible();
    expect(await nodes.count()).toBeGreaterThan(oneHop);
    await expectFitted(page);

    const legend = page.getByTestId("graph-legend");
    await expect(legend).toBeVisible();
    await expect(legend).toContainText("A depends on B");
    for (const tier of ["Tier 0", "Tier 1", "Tier 2", "Tier 3"]) await expect(legend).toContainText(tier);
    await expectAccessible(page);

    await page.setViewportSize({ width: 375, height: 800 });
    await expect(legend).toBeVisible();
    await expectNoOverflow(page);

    // A value the control never offers is one hop, not an error.
    await page.goto("/services/storefront-web?hops=9");
    await expect(page.getByRole("link", { name: "1 hop", exact: true })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(graph.getByText("Auth Service")).toHaveCount(0);
    await expect(nodes).toHaveCount(oneHop);
  });

  test("three hops cost the document little more than one: the flow is drawn in the browser", async ({
    page,
  }) => {
    await signInAs(page, "viewer");
    const bytes = async (path: string) => (await (await page.request.get(path)).body()).length;
    const one = await bytes("/services/storefront-web");
    const three = await bytes("/services/storefront-web?hops=3");
    // 16 services and their edges: about 2.5 KB of graph data, against 13 KB when the server drew them.
    expect(three - one).toBeLessThan(5_000);
  });

  test("a service with no dependencies is drawn at its natural size", async ({ page }) => {
    await signInAs(page, "viewer");
    await page.goto("/services/internal-lb?hops=3");
    const node = page.getByTestId("dependency-graph").locator(".react-flow__node");
    await expect(node).toHaveCount(1);
    const box = (await node.boundingBox())!;
    // 210 px wide at zoom 1; a flow fitted without a ceiling blows it up to fill the card.
    expect(box.width).toBeLessThanOrEqual(215);
    expect(box.width).toBeGreaterThanOrEqual(150);
  });

  // Screenshots for people to look at (E2E_RESULTS_DIR/screens), and no width overflows.
  test("fits 1280 and 375 px, light and dark, at one and three hops and alone", async ({ page }) => {
    test.setTimeout(120_000);
    await signInAs(page, "viewer");
    const shots = [
      { path: "/services/storefront-web", name: "service-graph-1hop" },
      { path: "/services/storefront-web?hops=3", name: "service-graph-3hops" },
      { path: "/services/internal-lb", name: "service-graph-lone" },
    ];
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      const widths = process.env.E2E_SCREENS ? [1280, 375] : colorScheme === "light" ? [1280] : [375];
      for (const width of widths)
        for (const shot of shots) {
          await page.setViewportSize({ width, height: 900 });
          await page.goto(shot.path);
          await expect(
            page.getByTestId("dependency-graph").locator(".react-flow__node").first(),
          ).toBeVisible();
          await expectFitted(page);
          // The zoom buttons wear the card's colour in either theme, never React Flow's white.
          const [button, card] = await page.evaluate(() =>
            [".react-flow__controls-button", "section.card"].map(
              (s) => getComputedStyle(document.querySelector(s)!).backgroundColor,
            ),
          );
          expect(button).toBe(card);
          await snap(page, `${shot.name}-${width}-${colorScheme}`);
          await expectNoOverflow(page);
        }
    }
  });
});
