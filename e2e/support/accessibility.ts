import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The WCAG 2.2 AA rule sets the issue names; every page we visit must pass them all. */
export const axeTags = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"];

export async function expectNoAxeViolations(page: Page, pageName: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  expect(summary, `axe violations on ${pageName}`).toEqual([]);
}

/** Saves a screenshot of a main page into e2e-output/screenshots for people to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e-output/screenshots/${name}.png`, fullPage: true });
}
