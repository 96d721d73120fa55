import type { Page } from "@playwright/test";
import { words, type Language } from "./catalogue";

/** On the sign-in page: the address and password typed into their labelled fields, then "Sign in" (in the page's language). */
export async function submitSignIn(page: Page, email: string, password: string, language: Language = "en"): Promise<void> {
  await page.getByLabel(words(language, "auth.email")).fill(email);
  await page.getByLabel(words(language, "auth.password"), { exact: true }).fill(password);
  await page.getByRole("button", { name: words(language, "auth.submitSignIn") }).click();
}
