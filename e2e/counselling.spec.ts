import * as OTPAuth from "otpauth";
import type { Page } from "@playwright/test";
import { expectNoAxeViolations, saveScreenshot } from "./support/accessibility";
import { expect, newPersonContext, test } from "./support/fixtures";
import { pdfIncludes, pdfText } from "./support/pdf-text";
import { completeProfileByApi, signUpInBrowser } from "./support/profile-by-api";
import { registerSecret } from "./support/secrets";
import { reverseWorded } from "./support/reverse-worded";

const password = "willow harbour signal ember";

// Sample names in four of Singapore's languages: the printed report must carry each as text.
const counsellorName = "Nur Aisyah binti Ahmad";
const practiceName = "Harbour Lane Counselling";
const clientOneName = "陈美玲";
const clientTwoName = "கவிதா ராஜன்";

/** A middling profile with no safety concern, shifted per person so the two differ. */
function answersWith(level: number) {
  return (sectionId: string, itemId: string) => {
    if (sectionId === "safety-check") return reverseWorded.has(itemId) ? 7 : 1;
    return reverseWorded.has(itemId) ? 8 - level : level;
  };
}

/** The current code of the authenticator "app" holding this key (the key as the page shows it, in groups). */
function totpCode(groupedKey: string): string {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(groupedKey.replace(/\s+/g, "")), digits: 6, period: 30, algorithm: "SHA1" });
  return totp.generate();
}

/** One partner's own words in a check-in note: shared with the counsellor only by the partner who ticks notes. */
const clientOneNote = "Sunday dinner with my sister went well, and we planned the trip together.";

async function acceptCounsellingInvite(page: Page, link: string, { shareNotes = false } = {}): Promise<void> {
  await page.goto(link);
  await expect(page.getByRole("heading", { name: `${counsellorName} at ${practiceName} invites you` })).toBeVisible();
  // Profile and check-ins are ticked to start with; the safety check and notes are not.
  await expect(page.getByLabel("Profile scores")).toBeChecked();
  await expect(page.getByLabel("Weekly check-ins")).toBeChecked();
  await expect(page.getByLabel("Safety check")).not.toBeChecked();
  await expect(page.getByLabel("Notes and reflections")).not.toBeChecked();
  // The notes choice says where the counsellor will read them.
  await expect(page.getByLabel("Notes and reflections")).toHaveAccessibleDescription(/in the report they can print/);
  if (shareNotes) await page.getByLabel("Notes and reflections").check();
  await page.getByRole("button", { name: "Accept and share" }).click();
  await expect(page.getByText("You now share with your counsellor.", { exact: false })).toBeVisible();
}

test("a counsellor and a couple in three browsers: practice, two-step sign-in, consent, dashboard, detail and a printed report", async ({ browser }) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const counsellorContext = await newPersonContext(browser);
  const oneContext = await newPersonContext(browser);
  const twoContext = await newPersonContext(browser);
  const counsellor = await counsellorContext.newPage();
  const one = await oneContext.newPage();
  const two = await twoContext.newPage();

  // The counsellor creates a practice; client information waits for two-step sign-in.
  await signUpInBrowser(counsellor, counsellorName, `counsellor-${stamp}@example.test`, password);
  await counsellor.goto("/practice");
  await counsellor.getByLabel("Name of the practice").fill(practiceName);
  await counsellor.getByRole("button", { name: "Create the practice" }).click();
  await expect(counsellor.getByRole("heading", { level: 1 })).toHaveText(practiceName);
  const practiceUrl = counsellor.url();
  await expect(counsellor.getByText("Turn on two-step sign-in before you can see any client's details.").first()).toBeVisible();
  await expectNoAxeViolations(counsellor, "new practice");

  // Two-step sign-in: password, the key (typed into the "app" here), a first code, backup codes.
  await counsellor.getByRole("link", { name: "Turn it on now" }).first().click();
  await counsellor.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await counsellor.getByLabel("Current password").fill(password);
  await counsellor.getByRole("button", { name: "Continue" }).click();
  const key = (await counsellor.locator("code.two-factor__secret").textContent()) ?? "";
  expect(key.replace(/\s+/g, "")).toMatch(/^[A-Z2-7]+$/);
  await expectNoAxeViolations(counsellor, "two-step sign-in: scan");
  await saveScreenshot(counsellor, "two-factor-scan");
  await counsellor.getByLabel("The six-digit code the app now shows").fill(totpCode(key));
  await counsellor.getByRole("button", { name: "Turn it on" }).click();
  await expect(counsellor.getByRole("heading", { name: "Your backup codes" })).toBeVisible();
  await counsellor.getByRole("button", { name: "I have saved my backup codes" }).click();
  await expect(counsellor.getByText("Two-step sign-in is on.", { exact: false }).first()).toBeVisible();

  // The counsellor invites a couple.
  await counsellor.goto(practiceUrl);
  await counsellor.getByLabel("A couple (each partner accepts for themselves)").check();
  await counsellor.getByRole("button", { name: "Make an invite code" }).click();
  const link = (await counsellor.getByLabel("Invite link").textContent())?.trim() ?? "";
  expect(link).toMatch(/\/counselling\/join#[0-9A-Z]{5}-[0-9A-Z]{5}$/);

  // The two partners: accounts, profiles, and their couple link (the couple journey itself is couple.spec's).
  await signUpInBrowser(one, clientOneName, `client-one-${stamp}@example.test`, password);
  await completeProfileByApi(one, answersWith(5));
  await signUpInBrowser(two, clientTwoName, `client-two-${stamp}@example.test`, password);
  await completeProfileByApi(two, answersWith(4));
  const origin = new URL(one.url()).origin;
  // The notes and the couple's invite code go through the API, out of the browser's sight: written down for the log scan here.
  registerSecret("a check-in note", clientOneNote);
  registerSecret("a check-in note", "Not for the counsellor.");
  const checkIn = { spokeUp: 3, feltHeard: 3, backedPartner: 3, feltBacked: 3, friendsFamilyHours: 5, wePulse: 5, mePulse: 5 };
  expect(
    (
      await one.request.put("/api/check-ins/current", {
        headers: { origin },
        data: { timeZone: "Asia/Singapore", answers: { ...checkIn, note: clientOneNote } },
      })
    ).status(),
  ).toBe(200);
  expect(
    (
      await two.request.put("/api/check-ins/current", {
        headers: { origin },
        data: { timeZone: "Asia/Singapore", answers: { ...checkIn, note: "Not for the counsellor." } },
      })
    ).status(),
  ).toBe(200);
  const invite = (await (await one.request.post("/api/couple/invite", { headers: { origin }, data: {} })).json()) as { invite: { code: string } };
  registerSecret("an invite code", invite.invite.code);
  expect((await two.request.post("/api/couple/accept", { headers: { origin }, data: { code: invite.invite.code } })).status()).toBe(200);

  // Each partner accepts the counsellor's invite for themselves, with the suggested scopes; the first also shares notes.
  await acceptCounsellingInvite(one, link, { shareNotes: true });
  await expectNoAxeViolations(one, "counselling: sharing with a counsellor");
  await saveScreenshot(one, "counselling-client");
  await acceptCounsellingInvite(two, link);

  // The dashboard: the couple, their pattern and scores, in a table the counsellor can sort.
  await counsellor.goto(practiceUrl);
  await counsellor.getByRole("link", { name: "Open your clients' dashboard" }).click();
  await expect(counsellor.getByRole("heading", { level: 1 })).toHaveText("Your clients' dashboard");
  await expect(counsellor.getByRole("table", { name: /Your clients: pattern, real change since intake/ })).toBeVisible();
  const clientLink = counsellor.getByRole("link", { name: new RegExp(clientOneName) });
  await expect(clientLink).toBeVisible();
  await expectNoAxeViolations(counsellor, "counsellor dashboard");
  await saveScreenshot(counsellor, "counsellor-dashboard");

  // The detail, then the printable report.
  await clientLink.click();
  await expect(counsellor.getByText(clientTwoName).first()).toBeVisible();
  await expectNoAxeViolations(counsellor, "client detail");
  await saveScreenshot(counsellor, "client-detail");
  await expect(counsellor.getByText('can see in their "Who viewed my data"', { exact: false })).toBeVisible();
  // Notes: the partner who shares them, in their words; the other, one plain line.
  const oneSection = counsellor.getByRole("region", { name: clientOneName, exact: true });
  await expect(oneSection.getByRole("heading", { name: "Notes and reflections" })).toBeVisible();
  await expect(oneSection.getByText(clientOneNote)).toBeVisible();
  await expect(counsellor.getByText(`${clientTwoName} does not share their notes and reflections with you.`)).toBeVisible();
  await expect(counsellor.getByText("Not for the counsellor.")).toHaveCount(0);
  await counsellor.getByRole("link", { name: "Printable report" }).click();
  await expect(counsellor.getByRole("button", { name: "Print / Save as PDF" })).toBeVisible();
  await expectNoAxeViolations(counsellor, "printable client report");
  await saveScreenshot(counsellor, "client-report");
  await counsellor.emulateMedia({ media: "print" });
  const text = await pdfText(await counsellor.pdf({ format: "A4", printBackground: false }));
  // Every page says what the paper is (issue 19): confidential, not a diagnosis, its number.
  const pages = text.split("\n\n");
  for (const [index, page] of pages.entries()) {
    expect(pdfIncludes(page, "Confidential: for the counsellor and the people named here."), `the mark on page ${index + 1}`).toBe(true);
    expect(pdfIncludes(page, "It is not a diagnosis."), `"not a diagnosis" on page ${index + 1}`).toBe(true);
    expect(pdfIncludes(page, `Page ${index + 1}`), `the number on page ${index + 1}`).toBe(true);
  }
  // Both profiles fit on two pages; each partner's private part starts a page of its own.
  expect(pages.length, `${pages.length} pages`).toBeLessThanOrEqual(4);
  for (const name of [practiceName, counsellorName, clientOneName, clientTwoName]) expect(pdfIncludes(text, name), `${name} in the PDF`).toBe(true);
  expect(pdfIncludes(text, clientOneNote), "the shared note in the PDF").toBe(true);
  // Each partner's own part (notes, safety check) is set apart, for the counsellor only.
  for (const name of [clientOneName, clientTwoName]) expect(pdfIncludes(text, `${name}: for you only`), `${name}'s private part`).toBe(true);
  expect(pdfIncludes(text, "not for a joint session")).toBe(true);
  expect(pdfIncludes(text, "Not for the counsellor.")).toBe(false);
  expect(pdfIncludes(text, "Print / Save as PDF")).toBe(false);

  // The client sees the counsellor's look in "who viewed my data".
  await one.goto("/account/data-views");
  await expect(one.getByText(new RegExp(`${counsellorName} \\(your counsellor at the time\\) saw your`)).first()).toBeVisible();

  await counsellorContext.close();
  await oneContext.close();
  await twoContext.close();
});
