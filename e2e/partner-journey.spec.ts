import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { finishSignUpFromEmail } from "./support/sign-up";
import { expectNoAxeViolations, saveScreenshot } from "./support/accessibility";
import { answerProfileByApi, signUpInBrowser } from "./support/profile-by-api";
import { reverseWorded } from "./support/reverse-worded";
import { goToPlace } from "./support/navigation";
import { pdfIncludes, pdfText } from "./support/pdf-text";

const password = "copper meadow lantern tide";

// The answers a keyboard user gives, by position on the 1–7 scale, cycling through the profile;
// in the private safety check they report no concern (7 for the one reverse-worded statement).
const profileAnswers = [6, 5, 6, 3, 5, 6, 2, 5];

/** Moves focus forward with Tab until the focused element is the named button (a few steps at most). */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let step = 0; step < 6; step += 1) {
    await page.keyboard.press("Tab");
    const focused = ((await page.locator(":focus").textContent()) ?? "").trim();
    if (focused === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

/** Where the page's main content starts, in CSS pixels from the top. */
async function mainTop(page: Page): Promise<number> {
  const box = await page.locator("main#main").boundingBox();
  if (!box) throw new Error("the page has no main content box");
  return box.y;
}

/** Tab into the radio group and choose a point with Space or the arrow keys. */
async function chooseWithKeyboard(page: Page, value: number): Promise<void> {
  // From the statement one Tab reaches the group; from the page heading (after a reload) Back comes first.
  for (let step = 0; step < 3; step += 1) {
    await page.keyboard.press("Tab");
    if ((await page.locator(":focus").getAttribute("type")) === "radio") break;
  }
  await expect(page.locator(":focus")).toHaveAttribute("type", "radio");
  if (value === 1) await page.keyboard.press("Space");
  for (let step = 1; step < value; step += 1) await page.keyboard.press("ArrowDown");
  await expect(page.locator("input[type=radio]:checked")).toHaveValue(String(value));
}

test("a partner goes from sign-up to their profile, practises, exports and deletes everything", async ({ page }) => {
  test.setTimeout(180_000);
  const email = `journey-${Date.now()}@example.test`;

  // Sign up.
  await page.goto("/sign-up");
  const mainTopSignedOut = await mainTop(page);
  await page.getByLabel("What should we call you?").fill("Noor");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await finishSignUpFromEmail(page, email, password);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Noor");
  await expect(page.getByRole("heading", { name: "Start here" })).toBeVisible();
  // The navigation keeps one row on a phone, signed in (eight links) as signed out (three), so
  // learning who is signed in never pushes the page down (links past the edge scroll into view).
  expect(await mainTop(page)).toBe(mainTopSignedOut);
  await expectNoAxeViolations(page, "home before consent");
  await saveScreenshot(page, "journey-home-start");

  // Consent first: the assessment sends people to the notice.
  await page.goto("/assessment");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Before you start");
  await expect(page.getByRole("heading", { name: "Who sees it" })).toBeVisible();
  await expectNoAxeViolations(page, "consent");
  await saveScreenshot(page, "consent");
  await page.getByRole("button", { name: "I agree, continue" }).click();
  await expect(page.getByText("Please tick the box to show that you agree.")).toBeVisible();
  await page.getByLabel(/I agree that Mutual keeps my answers/).check();
  await page.getByRole("button", { name: "I agree, continue" }).click();

  // The assessment's introduction, then every statement with the keyboard alone.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The Interdependence Profile");
  await expectNoAxeViolations(page, "assessment introduction");
  await page.getByRole("button", { name: "Start the profile" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your Interdependence Profile");
  await expect(page.getByText(/^Statement 1 of \d+$/)).toBeVisible();
  await expectNoAxeViolations(page, "assessment statement");
  await saveScreenshot(page, "assessment-statement");

  let answered = 0;
  let sawSafetyNotice = false;
  for (let guard = 0; guard < 60; guard += 1) {
    const review = page.getByRole("heading", { name: "Ready to see your profile?" });
    const safetyNotice = page.getByRole("heading", { name: "A private safety check" });
    const group = page.getByRole("main").getByRole("group");
    await expect(review.or(safetyNotice).or(group)).toBeVisible();
    if (await review.isVisible()) break;
    if (await safetyNotice.isVisible()) {
      sawSafetyNotice = true;
      // Said from what this person shares now (nothing yet): only them, and never a partner.
      await expect(page.getByText(/^Right now only you can see your safety check\. A partner can never see your safety check\./)).toBeVisible();
      await expectNoAxeViolations(page, "safety check notice");
      await saveScreenshot(page, "assessment-safety-notice");
      await tabTo(page, "Continue");
      await page.keyboard.press("Enter");
      continue;
    }
    const statement = (await page.locator("legend").textContent()) ?? "";
    // The safety check's statements each ask about the past year.
    const isPrivate = /^In the past year,/.test(statement.trim());
    const value = isPrivate ? (/safe saying no/i.test(statement) ? 7 : 1) : (profileAnswers[answered % profileAnswers.length] ?? 4);
    await chooseWithKeyboard(page, value);
    if (answered === 1) {
      await expect(page.getByText("Saved", { exact: true })).toBeVisible();
      await expectNoAxeViolations(page, "assessment statement answered");
      await saveScreenshot(page, "assessment-statement-answered");
    }
    answered += 1;
    if (answered === 5) {
      // Leave mid-way and come back: the flow resumes at the first unanswered statement.
      await expect(page.getByText("Saved", { exact: true })).toBeVisible();
      await page.reload();
      await expect(page.getByText(/^Statement 6 of \d+$/)).toBeVisible();
      await expect(page.getByRole("progressbar", { name: "Answered so far" })).toHaveAttribute("value", "5");
      continue;
    }
    await tabTo(page, "Next");
    await page.keyboard.press("Enter");
  }
  expect(sawSafetyNotice).toBe(true);
  expect(answered).toBeGreaterThan(30);

  // Leaving and coming back resumes at the review: every answer was saved at once.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Ready to see your profile?" })).toBeVisible();
  await expect(page.getByText(`You answered ${answered} of ${answered} statements.`)).toBeVisible();
  await expectNoAxeViolations(page, "assessment review");
  await page.getByRole("button", { name: "See my profile" }).focus();
  await page.keyboard.press("Enter");

  // The profile.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your profile");
  await expect(page.getByRole("img", { name: /We × Me map/ })).toBeVisible();
  await expect(page.getByText(/Your We score is \d+ and your Me score is \d+/)).toBeVisible();
  await expect(page.getByText(/\d+ out of 100/).first()).toBeVisible();
  await page.getByText("Why this score?").first().click();
  await expect(page.getByText(/you answered “.*”\. That (raised|lowered) the score\./).first()).toBeVisible();
  await expect(page.getByRole("region", { name: "For you only" })).toHaveCount(0);
  await expectNoAxeViolations(page, "profile");
  await saveScreenshot(page, "profile");

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Where you stand" })).toBeVisible();
  await expectNoAxeViolations(page, "home with a profile");
  await saveScreenshot(page, "journey-home");

  // The weekly check-in, trends, practices and help (built alongside, visited when present).
  const nav = page.getByRole("navigation", { name: "Main" });
  if ((await nav.getByRole("link", { name: "Check-in" }).count()) > 0) {
    await nav.getByRole("link", { name: "Check-in" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Weekly check-in");
    await expect(page.getByRole("button", { name: "Save check-in" })).toBeVisible();
    await expectNoAxeViolations(page, "check-in");
    await saveScreenshot(page, "check-in");
    await page.getByRole("group", { name: "How much did you say what was on your mind about something that mattered to you?" }).getByLabel("A lot").check();
    await page.getByRole("group", { name: "How close and connected do the two of you feel right now?" }).getByLabel("Strong", { exact: true }).check();
    await page.getByLabel("Roughly how many hours did you spend with friends or family this week?").fill("3");
    await page.getByLabel("A note (optional)").fill("Dinner with my sister on Thursday helped.");
    await page.getByRole("button", { name: "Save check-in" }).click();
    await expect(page.getByText(/Saved\. Thank you/)).toBeVisible();
    await expectNoAxeViolations(page, "check-in saved");
  }
  if ((await nav.getByRole("link", { name: "Trends" }).count()) > 0) {
    await nav.getByRole("link", { name: "Trends" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
    await expectNoAxeViolations(page, "trends");
    await saveScreenshot(page, "trends");
  }
  {
    await goToPlace(page, "Habits");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Habits");
    await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
    await expectNoAxeViolations(page, "practices");
    await saveScreenshot(page, "practices");

    // Practise one exercise: read the steps, write a private reflection, mark it as done.
    await page.locator("main a[href^='/practices/']").first().click();
    await expect(page.getByRole("button", { name: "Mark as done" })).toBeVisible();
    await expectNoAxeViolations(page, "exercise");
    await saveScreenshot(page, "exercise");
    await page.getByLabel("Your reflection (optional)").fill("It felt easier than I expected to say what I wanted.");
    await page.getByRole("button", { name: "Mark as done" }).click();
    await expect(page.getByText("Well done. We've noted it.")).toBeVisible();
    await expectNoAxeViolations(page, "exercise done");
  }
  await page.getByRole("link", { name: "Get help now" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Get help now");
  await expectNoAxeViolations(page, "help (signed in)");
  await saveScreenshot(page, "help-signed-in");

  // Export everything, then delete the account.
  await goToPlace(page, "Account");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Account");
  await expectNoAxeViolations(page, "account with export");
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download everything (JSON)" }).click();
  const download = await downloadPromise;
  const exported = JSON.parse(await readFile(await download.path(), "utf8")) as Record<string, unknown>;
  expect(JSON.stringify(exported)).toContain(email);
  expect(JSON.stringify(exported)).toContain("close-1");
  // The private note and reflection written above come back, decrypted, in the person's own export.
  expect(JSON.stringify(exported)).toContain("It felt easier than I expected to say what I wanted.");
  expect(JSON.stringify(exported)).toContain("Dinner with my sister on Thursday helped.");

  const fhir = await page.request.get("/api/export/fhir");
  expect(fhir.status()).toBe(200);
  expect(((await fhir.json()) as { resourceType?: string }).resourceType).toBe("Bundle");

  const deleteSection = page.getByRole("region", { name: "Delete your account" });
  await deleteSection.getByLabel("Password", { exact: true }).fill(password);
  await deleteSection.getByLabel("I understand that this cannot be undone").check();
  await deleteSection.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("Your account and everything in it have been deleted.")).toBeVisible();
  await expectNoAxeViolations(page, "signed out after deletion");
  expect((await page.request.get("/api/export")).status()).toBe(401);
});

// Reverse-worded statements of the profile (agreeing with them lowers a score, or for the safety
// check, disagreeing raises a concern).

test("answers that raise concerns bring kind next steps, counselling and private safety resources", async ({ page }) => {
  const email = `concern-${Date.now()}@example.test`;
  await signUpInBrowser(page, "Sam", email, password);

  // Answer through the API (the keyboard path is covered above): low closeness and voice, and
  // agreement with the safety-check concerns.
  await answerProfileByApi(page, (sectionId, itemId) => {
    const concern = sectionId === "safety-check";
    return reverseWorded.has(itemId) ? (concern ? 2 : 6) : concern ? 6 : 2;
  });

  await page.goto("/assessment");
  await expect(page.getByRole("heading", { name: "Ready to see your profile?" })).toBeVisible();
  await page.getByRole("button", { name: "See my profile" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your profile");
  const safety = page.getByRole("region", { name: "For you only" });
  await expect(safety).toBeVisible();
  await expect(safety.getByRole("link", { name: "See confidential support services" })).toHaveAttribute("href", "/help");
  const flags = page.getByRole("region", { name: "Things worth a closer look" });
  await expect(flags.getByRole("listitem").first()).toBeVisible();
  await expect(flags.getByRole("link", { name: "Find counselling" }).first()).toHaveAttribute("href", "/help/counselling");
  await expectNoAxeViolations(page, "profile with flags and safety resources");
  await saveScreenshot(page, "profile-with-flags");

  // A printed profile can be found by someone else: it keeps the flags and leaves the private safety box out.
  await page.emulateMedia({ media: "print" });
  const printed = await pdfText(await page.pdf({ format: "A4" }));
  await page.emulateMedia({ media: "screen" });
  expect(pdfIncludes(printed, "Things worth a closer look")).toBe(true);
  expect(pdfIncludes(printed, "For you only")).toBe(false);
  expect(pdfIncludes(printed, "See confidential support services")).toBe(false);

  await goToPlace(page, "Habits");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Habits");
  await page.waitForLoadState("networkidle");
  await expectNoAxeViolations(page, "practices with joint exercises held back");
  await saveScreenshot(page, "practices-held-back");
});
