import { randomInt } from "node:crypto";
import { test as base, type Browser, type BrowserContext } from "@playwright/test";

// The e2e server runs as it would behind a reverse proxy (CLIENT_IP_HEADER=x-forwarded-for),
// and each browser gets an address of its own, as real people have. Otherwise every test
// would share 127.0.0.1 and the per-address sign-up limit (five a minute) would refuse
// people for reasons no user would meet.

/** A fresh private address for one browser. */
export function newClientIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** A second (third…) browser for a test with several people, with an address of its own. */
export async function newPersonContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": newClientIp() } });
}

export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright's fixture signature
  extraHTTPHeaders: async ({}, use) => {
    await use({ "x-forwarded-for": newClientIp() });
  },
});

export { expect } from "@playwright/test";
