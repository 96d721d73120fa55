import { expect, type Page } from "@playwright/test";
import { outboxMessagesTo, waitForSignUpLink } from "../../scripts/support/sign-up-by-outbox.js";
import { words, type Language } from "./catalogue";
import { registerSecret } from "./secrets";

// The e2e server has no SMTP_URL, so it writes each email to <DATA_DIR>/outbox/*.eml; the runner
// names this run's DATA_DIR in E2E_DATA_DIR (playwright.config.ts).
export function e2eDataDir(): string {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set: run the specs through playwright.config.ts");
  return dataDir;
}

/** The emails the server has sent to an address so far, oldest first. */
export function emailsTo(email: string): Array<{ subject: string; text: string }> {
  return outboxMessagesTo(e2eDataDir(), email);
}

/** The sign-up link emailed to an address (waiting for it: the server does not wait for its mailer). */
export async function signUpLinkFor(email: string): Promise<string> {
  const link = await waitForSignUpLink(e2eDataDir(), email);
  registerSecret("a sign-up token", link.token);
  return link.url;
}

/**
 * After the sign-up form: the check-your-email page, then the emailed link opened and confirmed
 * with the password chosen, as the person would (the address is confirmed only with it, and
 * that signs in, decision 020). Leaves them on the page the link continues to. The pages' words
 * are read in the page's language (English unless told).
 */
export async function finishSignUpFromEmail(page: Page, email: string, password: string, language: Language = "en"): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(words(language, "signUpEmail.checkTitle"));
  await page.goto(await signUpLinkFor(email));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(words(language, "signUpEmail.confirmTitle"));
  await confirmWithPassword(page, email, password, language);
}

/** On the link's page: the address is shown from the link; the password chosen is typed to finish. */
export async function confirmWithPassword(page: Page, email: string, password: string, language: Language = "en"): Promise<void> {
  await expect(page.getByText(words(language, "signUpEmail.confirmEmailLabel", { email }))).toBeVisible();
  await page.getByLabel(words(language, "auth.password"), { exact: true }).fill(password);
  await page.getByRole("button", { name: words(language, "signUpEmail.confirmButton") }).click();
}
