import { randomInt } from "node:crypto";
import { test as base, expect, type Browser, type BrowserContext } from "@playwright/test";
import { setCurrentTest, watchTraffic } from "./secrets";

// The e2e server runs as it would behind a reverse proxy (CLIENT_IP_HEADER=x-forwarded-for),
// and each browser gets an address of its own, as real people have. Otherwise every test
// would share 127.0.0.1 and the per-address sign-up limit (five a minute) would refuse
// people for reasons no user would meet.

/** A fresh private address for one browser. */
export function newClientIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** Content Security Policy violations seen in any page of the current test. */
const cspViolations: string[] = [];

/** Returns the violations seen so far and forgets them (for a test that causes one on purpose). */
export function takeCspViolations(): string[] {
  return cspViolations.splice(0);
}

/**
 * Every browser context of a test: its secrets are recorded for the log scan, and any CSP
 * violation (Chromium's console report, or the page's securitypolicyviolation event) fails
 * the test, so every page every spec visits is proved to work under the real policy.
 */
async function watchContext(context: BrowserContext): Promise<void> {
  watchTraffic(context);
  // Init scripts are injected by the browser itself, so this one runs under any CSP. (Browser
  // code as text: the e2e project is type-checked without the DOM library.)
  await context.addInitScript({
    content: `document.addEventListener("securitypolicyviolation", (event) => {
      console.error("CSP violation: " + event.effectiveDirective + " blocked " + (event.blockedURI || "inline") + " in " + event.sourceFile + ":" + event.lineNumber);
    });`,
  });
  context.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|CSP violation/.test(message.text())) {
      cspViolations.push(`${message.page()?.url() ?? "(no page)"}: ${message.text()}`);
    }
  });
}

/** A second (third…) browser for a test with several people, with an address of its own. */
export async function newPersonContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": newClientIp() } });
  await watchContext(context);
  return context;
}

export const test = base.extend<{ watchTest: void }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright's fixture signature
  extraHTTPHeaders: async ({}, use) => {
    await use({ "x-forwarded-for": newClientIp() });
  },
  context: async ({ context }, use) => {
    await watchContext(context);
    await use(context);
  },
  watchTest: [
    // eslint-disable-next-line no-empty-pattern -- Playwright's fixture signature
    async ({}, use, testInfo) => {
      setCurrentTest(testInfo.titlePath.slice(1).join(" › "));
      cspViolations.length = 0;
      await use();
      expect(cspViolations, "Content Security Policy violations in the app's pages").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
