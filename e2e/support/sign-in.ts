import type { Page } from "@playwright/test";

/** On the sign-in page: the address and password typed into their labelled fields, then "Sign in". */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
