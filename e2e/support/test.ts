import { type Browser, type BrowserContext, test as base, expect } from "@playwright/test";

export type { Page } from "@playwright/test";
export { expect };

/**
 * Every journey's `test`: as @playwright/test's, but a test fails when the page reported
 * a Content-Security-Policy violation — a script, style or form the policy refused means
 * something on that page no longer works as built (lib/http/security-headers.mjs).
 * Contexts a test opens itself (`browser.newContext()`, `browser.newPage()`) are watched too.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context, browser }, use) => {
      const violations: string[] = [];
      await watchCsp(context, violations);
      const restore = watchNewContexts(browser, violations);
      await use(violations);
      restore();
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

async function watchCsp(context: BrowserContext, violations: string[]) {
  // The DOM event names the directive and what was blocked; the console line is the backstop
  // for what Chromium only reports there.
  await context.exposeBinding("__pharosCspViolation", ({ page }, report: string) => {
    violations.push(`${page?.url() ?? "?"}: ${report}`);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __pharosCspViolation?: (r: string) => void })
        .__pharosCspViolation;
      report?.(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  context.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text()))
      violations.push(`${message.page()?.url() ?? "?"}: ${message.text()}`);
  });
}

function watchNewContexts(browser: Browser, violations: string[]) {
  const original = browser.newContext;
  browser.newContext = async function (this: Browser, ...args: Parameters<Browser["newContext"]>) {
    const context = await original.apply(this, args);
    await watchCsp(context, violations);
    return context;
  };
  return () => {
    browser.newContext = original;
  };
}
