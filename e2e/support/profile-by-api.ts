import { expect, type Page } from "@playwright/test";
import { words, type Language } from "./catalogue";
import { finishSignUpFromEmail } from "./sign-up";

/**
 * Signs a new person up through the form and the emailed link; leaves them on the home page. The
 * pages are read in `language`, the one this browser shows (English unless told).
 */
export async function signUpInBrowser(page: Page, name: string, email: string, password: string, language: Language = "en"): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel(words(language, "auth.name")).fill(name);
  await page.getByLabel(words(language, "auth.email")).fill(email);
  await page.getByLabel(words(language, "auth.password"), { exact: true }).fill(password);
  await page.getByRole("button", { name: words(language, "auth.submitSignUp") }).click();
  await finishSignUpFromEmail(page, email, password, language);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(words(language, "home.greeting", { name }));
}

/**
 * Agrees to the notice and answers every statement of a new profile through the API with the
 * browser's own session (the keyboard path through every statement is covered by
 * partner-journey.spec). `valueFor` picks each answer from the section and item;
 * `safety-check` is the private section. Returns the assessment's id, not yet submitted.
 */
export async function answerProfileByApi(page: Page, valueFor: (sectionId: string, itemId: string) => number, language?: Language): Promise<string> {
  // Requests that change something must come from our own pages, as the browser's would; a page in
  // a language sends it, and the profile keeps the language it was answered in.
  const headers = { origin: new URL(page.url()).origin, ...(language === undefined ? {} : { "accept-language": language }) };
  const { noticeVersion } = (await (await page.request.get("/api/consent")).json()) as { noticeVersion: string };
  expect((await page.request.post("/api/consent", { headers, data: { noticeVersion, agree: true } })).status()).toBe(200);
  const started = (await (await page.request.post("/api/assessments", { headers, data: {} })).json()) as {
    id: string;
    sections: Array<{ id: string; items: Array<{ id: string }> }>;
  };
  for (const section of started.sections) {
    for (const item of section.items) {
      const value = valueFor(section.id, item.id);
      expect((await page.request.put(`/api/assessments/${started.id}/answers/${item.id}`, { headers, data: { value } })).status()).toBe(200);
    }
  }
  return started.id;
}

/** As answerProfileByApi, then submits the profile. */
export async function completeProfileByApi(page: Page, valueFor: (sectionId: string, itemId: string) => number, language?: Language): Promise<void> {
  const id = await answerProfileByApi(page, valueFor, language);
  const headers = { origin: new URL(page.url()).origin };
  expect((await page.request.post(`/api/assessments/${id}/submit`, { headers, data: {} })).status()).toBe(200);
}
