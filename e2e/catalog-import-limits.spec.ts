import fs from "node:fs";
import { signInAs } from "./support/session";
import { expect, test } from "./support/test";

const component = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: ${name}, description: Imported from a large file. }\nspec: { type: service, lifecycle: production, owner: payments }\n`;

test.describe("the catalog import and its size limit", () => {
  test("a file over Next's 1 MB default goes through the dry run and the import", async ({
    page,
  }, testInfo) => {
    // Comment lines pad the file to 3 MB: the server action must take what the API takes.
    const padding = `${"#".repeat(99_999)}\n`.repeat(30);
    const file = testInfo.outputPath("three-mb.catalog-info.yaml");
    const name = `large-file-service-${Date.now().toString(36)}`;
    fs.writeFileSync(file, padding + component(name));
    await signInAs(page, "admin");
    await page.goto("/services/import");
    await page.getByLabel("Upload a catalog-info.yaml file").setInputFiles(file);
    await expect(page.getByTestId("import-file")).toContainText("2.9 MB");
    await page.getByRole("button", { name: "Preview (dry run)" }).click();
    await expect(page.getByTestId("plan-create")).toHaveCount(1);
    await page.getByTestId("run-import").click();
    await expect(page.getByTestId("import-progress")).toContainText("Import finished.");
    await page.goto(`/services/${name}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  });

  test("a file over the limit is refused at once, with its size, before anything is sent", async ({
    page,
  }, testInfo) => {
    const file = testInfo.outputPath("too-large.catalog-info.yaml");
    fs.writeFileSync(file, `${"#".repeat(1024 * 1024 - 1)}\n`.repeat(51));
    await signInAs(page, "admin");
    await page.goto("/services/import");
    const actions: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST") actions.push(r.url());
    });
    await page.getByLabel("Upload a catalog-info.yaml file").setInputFiles(file);
    await expect(page.getByTestId("form-error")).toHaveText(
      "This file is 51 MB; files are limited to 50 MB. Split the catalog into smaller files.",
    );
    await expect(page.getByRole("button", { name: "Preview (dry run)" })).toBeDisabled();
    expect(actions).toEqual([]);
  });

  test("a file over 10 MB arrives whole: the proxy, which would cut its body there, skips server actions", async ({
    page,
  }, testInfo) => {
    // The component comes last, after 12 MB of comments: a body cut at 10 MB would lose it.
    const file = testInfo.outputPath("twelve-mb.catalog-info.yaml");
    const name = `past-ten-mb-service-${Date.now().toString(36)}`;
    fs.writeFileSync(file, `${"#".repeat(99_999)}\n`.repeat(120) + component(name));
    await signInAs(page, "admin");
    await page.goto("/services/import");
    await page.getByLabel("Upload a catalog-info.yaml file").setInputFiles(file);
    await page.getByRole("button", { name: "Preview (dry run)" }).click();
    await expect(page.getByTestId("plan-create")).toHaveCount(1, { timeout: 30_000 });
  });
});
