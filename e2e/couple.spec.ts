import type { Page } from "@playwright/test";
import { expect, newPersonContext, test } from "./support/fixtures";
import { expectNoAxeViolations, saveScreenshot } from "./support/accessibility";
import { completeProfileByApi, signUpInBrowser } from "./support/profile-by-api";
import { finishSignUpFromEmail } from "./support/sign-up";
import { registerSecret } from "./support/secrets";
import { reverseWorded } from "./support/reverse-worded";
import { goToPlace } from "./support/navigation";

const password = "amber valley kettle dawn";

// Reverse-worded statements: agreeing with them lowers a score (for the safety check, disagreeing raises a concern).

/** High on everything, and a private safety concern: the partner must never learn of it. */
function alexAnswers(sectionId: string, itemId: string): number {
  if (sectionId === "safety-check") return reverseWorded.has(itemId) ? 2 : 6;
  return reverseWorded.has(itemId) ? 2 : 6;
}

/** Low on speaking up, middling elsewhere, no safety concern. */
function beaAnswers(sectionId: string, itemId: string): number {
  if (sectionId === "safety-check") return reverseWorded.has(itemId) ? 7 : 1;
  if (itemId.startsWith("voice-")) return reverseWorded.has(itemId) ? 6 : 2;
  return reverseWorded.has(itemId) ? 3 : 5;
}

const noteCanary = "Harbour lantern note only Alex may read";

async function shareScopes(page: Page, labels: string[]): Promise<void> {
  for (const label of labels) await page.getByLabel(label).check();
  await page.getByRole("button", { name: "Save my choices" }).click();
  await expect(page.getByText(/sees exactly what you chose, from now on/)).toBeVisible();
}

test("two partners in two browsers link, share, compare, see who viewed, and unlink", async ({ browser }) => {
  test.setTimeout(180_000);
  const alexContext = await newPersonContext(browser);
  const beaContext = await newPersonContext(browser);
  const alex = await alexContext.newPage();
  const bea = await beaContext.newPage();
  const stamp = Date.now();
  const beaEmail = `bea-${stamp}@example.test`;

  // Alex: an account, a profile (with a private safety concern) and a check-in with a private note.
  await signUpInBrowser(alex, "Alex", `alex-${stamp}@example.test`, password);
  await completeProfileByApi(alex, alexAnswers);
  const origin = new URL(alex.url()).origin;
  // Sent through the API, out of the browser's sight: written down for the log scan here.
  registerSecret("a check-in note", noteCanary);
  const checkIn = await alex.request.put("/api/check-ins/current", {
    headers: { origin },
    data: {
      timeZone: "Asia/Singapore",
      answers: { spokeUp: 3, feltHeard: 3, backedPartner: 4, feltBacked: 3, friendsFamilyHours: 5, wePulse: 6, mePulse: 6, note: noteCanary },
    },
  });
  expect(checkIn.status()).toBe(200);

  // Alex makes an invite: a code and a link, shown once.
  await goToPlace(alex, "Partner");
  await expect(alex.getByRole("heading", { level: 1 })).toHaveText("Your partner");
  await alex.getByRole("button", { name: "Make an invite code" }).click();
  const link = (await alex.getByLabel("Or send this link").textContent())?.trim() ?? "";
  expect(link).toMatch(/\/partner\/join#[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  await expect(alex.getByText(/We show this code only once/)).toBeVisible();
  await expectNoAxeViolations(alex, "partner page with a fresh invite");
  await saveScreenshot(alex, "partner-invite");

  // Bea opens the link signed out, creates an account, finishes it by the emailed link, and
  // lands back on the invite: the code went along in the link's fragment.
  // Signed out, the link says who invites and offers an account first (decision 058).
  await bea.goto(link);
  await expect(bea.getByRole("heading", { level: 1 })).toHaveText("Alex invites you to Mutual");
  await bea.getByRole("link", { name: "Create an account" }).click();
  await bea.getByLabel("What should we call you?").fill("Bea");
  await bea.getByLabel("Email address").fill(beaEmail);
  await bea.getByLabel("Password", { exact: true }).fill(password);
  await bea.getByRole("button", { name: "Create account" }).click();
  await expect(bea.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await expect(bea.getByText(`We have sent an email to ${beaEmail}.`, { exact: false })).toBeVisible();
  await expectNoAxeViolations(bea, "sign-up, check your email");
  await saveScreenshot(bea, "sign-up-check-email");
  await finishSignUpFromEmail(bea, beaEmail, password);
  await expect(bea.getByRole("heading", { name: "Alex invited you" })).toBeVisible();
  // The code has left the address bar: someone glancing at the screen cannot copy it.
  expect(new URL(bea.url()).hash).toBe("");
  await expectNoAxeViolations(bea, "join page");
  await saveScreenshot(bea, "partner-join");
  await bea.getByRole("button", { name: "Accept" }).click();
  await expect(bea.getByText("You are now linked with Alex.", { exact: false })).toBeVisible();

  // Nothing is shared yet: the report waits and says what is missing.
  await completeProfileByApi(bea, beaAnswers);
  await bea.goto("/partner/report");
  await expect(bea.getByRole("heading", { name: "The report is not ready yet" })).toBeVisible();
  await expect(bea.getByText("You are not sharing your profile scores with Alex yet.")).toBeVisible();

  // Bea shares her scores and her check-in trends; Alex shares his scores only.
  await bea.goto("/partner");
  await expect(bea.getByRole("heading", { name: "You and Alex" })).toBeVisible();
  await expect(bea.getByText(/safety-check answers and your private notes are never shared/)).toBeVisible();
  await expectNoAxeViolations(bea, "partner page, linked");
  await shareScopes(bea, ["My pattern and my We and Me scores", "My seven scores", "My weekly check-in trends"]);
  await saveScreenshot(bea, "partner-sharing");

  await alex.goto("/partner");
  await expect(alex.getByRole("heading", { name: "You and Bea" })).toBeVisible();
  await expect(alex.getByRole("link", { name: "See Bea's check-ins" })).toBeVisible();
  await shareScopes(alex, ["My pattern and my We and Me scores", "My seven scores"]);

  // The couple report: framing before any number, both points on one map, differences to talk about.
  await alex.getByRole("link", { name: "See your couple report" }).click();
  await expect(alex.getByRole("heading", { level: 1 })).toHaveText("Your couple report");
  await expect(alex.getByRole("heading", { name: "Side by side" })).toBeVisible();
  const headings = await alex.getByRole("heading", { level: 2 }).allTextContents();
  expect(headings[0]).toBe("Before you read on");
  expect(headings).toEqual(expect.arrayContaining(["Where you each stand", "Side by side", "Backing each other", "For the two of you"]));
  // The largest differences open, each with a question to start with; the rest and the full table folded.
  await expect(alex.getByRole("heading", { name: "Where you differ most" })).toBeVisible();
  await expect(alex.getByText("A question to start with:").first()).toBeVisible();
  await alex.getByText("All areas, side by side").click();
  await expect(alex.getByRole("table", { name: "Side by side" })).toBeVisible();
  await expectNoAxeViolations(alex, "couple report");
  await saveScreenshot(alex, "couple-report");

  // Bea sees the same report, and nothing of Alex's private safety check or note anywhere.
  await bea.goto("/partner/report");
  await expect(bea.getByRole("heading", { name: "Side by side" })).toBeVisible();
  for (const path of ["/partner/report", "/partner", "/partner/check-ins"]) {
    await bea.goto(path);
    await expect(bea.getByRole("heading", { level: 1 })).toBeVisible();
    await bea.waitForLoadState("networkidle");
    const text = (await bea.locator("body").textContent()) ?? "";
    expect(text).not.toContain(noteCanary);
    expect(text).not.toMatch(/safety check suggest|may not always feel safe/i);
  }
  // Alex does not share his check-ins: Bea is told so, kindly.
  await expect(bea.getByText("This is not shared with you right now.", { exact: false })).toBeVisible();

  // Alex sees who viewed his data: Bea, his scores, when.
  await alex.goto("/account/data-views");
  await expect(alex.getByRole("heading", { level: 1 })).toHaveText("Who viewed your data");
  await expect(alex.getByText("Bea (your partner at the time) saw your pattern and We and Me scores").first()).toBeVisible();
  await expect(alex.getByText("Bea (your partner at the time) saw your seven profile scores").first()).toBeVisible();
  await expectNoAxeViolations(alex, "who viewed my data");
  await saveScreenshot(alex, "data-views");

  // Alex ends the link after a confirmation; Bea learns only that it ended.
  await alex.goto("/partner");
  await alex.getByRole("button", { name: "Unlink" }).click();
  await expect(alex.getByRole("alertdialog", { name: "End your link with Bea?" })).toBeVisible();
  await alex.getByRole("button", { name: "Yes, end the link" }).click();
  await expect(alex.getByRole("heading", { name: "Invite your partner" })).toBeVisible();

  await bea.goto("/partner");
  await expect(bea.getByText("Your partner link has ended.", { exact: false })).toBeVisible();
  await expect(bea.getByText(/Alex/)).toHaveCount(0);
  await bea.goto("/partner/report");
  await expect(bea.getByText("You are not linked with a partner right now.")).toBeVisible();
  expect((await bea.request.get("/api/couple/report")).status()).toBe(404);

  await alexContext.close();
  await beaContext.close();
});
