import * as OTPAuth from "otpauth";
import type { Page } from "@playwright/test";
import { expectNoAxeViolations, saveScreenshot } from "./support/accessibility";
import { expect, newPersonContext, test } from "./support/fixtures";
import { completeProfileByApi, signUpInBrowser } from "./support/profile-by-api";
import { registerSecret } from "./support/secrets";
import { reverseWorded } from "./support/reverse-worded";

// From a warning sign to a counsellor on this server (issue 19, decisions 054 and 055): a practice
// lists itself, a person with a flag finds it by language and asks, the owner gives the request to
// a counsellor, who accepts, and the person is on the counsellor's dashboard; then the same for a
// couple, each partner confirming for themselves.

const password = "willow harbour signal ember";
const practiceName = "Kampong Glam Counselling";

/** Low agreement everywhere (warning signs show), with a calm safety check. */
const lowAnswers = (sectionId: string, itemId: string) => {
  if (sectionId === "safety-check") return reverseWorded.has(itemId) ? 7 : 1;
  return reverseWorded.has(itemId) ? 6 : 2;
};

const originOf = (page: Page) => ({ origin: new URL(page.url()).origin });

/** Two-step sign-in through the API with the browser's own session (the pages for it are counselling.spec's). */
async function enrolTwoFactorByApi(page: Page): Promise<void> {
  const enabled = await page.request.post("/api/auth/two-factor/enable", { headers: originOf(page), data: { password } });
  expect(enabled.status()).toBe(200);
  const totp = OTPAuth.URI.parse(((await enabled.json()) as { totpURI: string }).totpURI) as OTPAuth.TOTP;
  registerSecret("a two-step key", totp.secret.base32);
  expect((await page.request.post("/api/auth/two-factor/verify-totp", { headers: originOf(page), data: { code: totp.generate() } })).status()).toBe(200);
}

/** No sideways scrolling of the page at 320 CSS pixels (WCAG 1.4.10). */
async function expectReflowAt320(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = Number(await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"));
  expect(overflow, `${name} scrolls sideways at 320 px`).toBeLessThanOrEqual(0);
  if (size) await page.setViewportSize(size);
}

test("a person with a warning sign asks a listed practice in their language; the owner assigns, the counsellor accepts; then a couple, each confirming", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const stamp = Date.now();
  const [ownerContext, counsellorContext, personContext, partnerContext] = await Promise.all([1, 2, 3, 4].map(() => newPersonContext(browser)));
  const owner = await ownerContext!.newPage();
  const counsellor = await counsellorContext!.newPage();
  const person = await personContext!.newPage();
  const partner = await partnerContext!.newPage();

  // The owner makes the practice and lists it in the directory, in English and Tamil.
  await signUpInBrowser(owner, "Farah Owner", `owner-${stamp}@example.test`, password);
  await owner.goto("/practice");
  await owner.getByLabel("Name of the practice").fill(practiceName);
  await owner.getByRole("button", { name: "Create the practice" }).click();
  await expect(owner.getByRole("heading", { level: 1 })).toHaveText(practiceName);
  const practiceUrl = owner.url();
  const practiceId = practiceUrl.split("/").pop() ?? "";
  await enrolTwoFactorByApi(owner);
  await owner.reload();
  await owner.getByLabel("English").check();
  await owner.getByLabel("Tamil").check();
  await owner.getByLabel("Couples").check();
  await owner.getByLabel("In person").check();
  await owner.getByLabel("Area (for example, a town or district)").fill("Kampong Glam");
  await owner.getByLabel("Fees", { exact: true }).fill("S$40 to S$90 a session");
  await owner.getByLabel("Subsidised fees are available").check();
  await owner.getByLabel("A short description (up to 600 characters)").fill("Counselling for one person or a couple, in English and Tamil.");
  await owner.getByLabel("Booking link or email").fill("mailto:hello@kampong-glam.example");
  await owner.getByRole("button", { name: "List this practice" }).click();
  await expect(owner.getByText("People on this server can find your practice in the list.")).toBeVisible();
  await expectNoAxeViolations(owner, "practice page with its listing and intake list");

  // Someone not signed in can read the directory (decision 054); asking needs an account.
  const visitor = await (await newPersonContext(browser)).newPage();
  await visitor.goto("/directory");
  await expect(visitor.getByRole("heading", { name: practiceName })).toBeVisible();
  await expect(visitor.getByText("Sign in to ask a practice through Mutual.", { exact: false })).toBeVisible();
  await expectNoAxeViolations(visitor, "directory, signed out");
  await visitor.getByRole("link", { name: `Ask ${practiceName} for counselling` }).click();
  await expect(visitor).toHaveURL(/\/sign-in\?next=/);

  // A counsellor joins the practice and turns on two-step sign-in (the pages for both are other specs').
  await signUpInBrowser(counsellor, "Arun Counsellor", `counsellor-${stamp}@example.test`, password);
  const invited = await owner.request.post("/api/auth/organization/invite-member", {
    headers: originOf(owner),
    data: { organizationId: practiceId, email: `counsellor-${stamp}@example.test`, role: "counsellor" },
  });
  expect(invited.status()).toBe(200);
  const invitationId = ((await invited.json()) as { id: string }).id;
  expect((await counsellor.request.post("/api/auth/organization/accept-invitation", { headers: originOf(counsellor), data: { invitationId } })).status()).toBe(
    200,
  );
  await enrolTwoFactorByApi(counsellor);

  // The person sees a warning sign on their profile and follows it to the directory.
  const personName = "Kavitha Person";
  await signUpInBrowser(person, personName, `person-${stamp}@example.test`, password);
  await completeProfileByApi(person, lowAnswers);
  await person.goto("/profile");
  await person.getByRole("link", { name: "Ask a counsellor here for help" }).first().click();
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("Find a counsellor");
  await person.getByLabel("Language", { exact: true }).selectOption("ta");
  await expect(person.getByRole("heading", { name: practiceName })).toBeVisible();
  await expectNoAxeViolations(person, "directory");
  await expectReflowAt320(person, "directory");
  await saveScreenshot(person, "directory");
  await person.getByRole("link", { name: `Ask ${practiceName} for counselling` }).click();
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("Ask for counselling");
  await expectNoAxeViolations(person, "ask for counselling");
  await expectReflowAt320(person, "ask for counselling");
  const message = "I would like to talk about feeling alone at home.";
  registerSecret("a request's message", message);
  await person.getByLabel("Just me").check();
  await person.getByLabel("A note for them (you can skip this)").fill(message);
  await person.getByRole("button", { name: "Send the request" }).click();
  await expect(person.getByText("Sent: the practice will pass it to a counsellor")).toBeVisible();
  await expectNoAxeViolations(person, "your requests for counselling");
  await expectReflowAt320(person, "your requests for counselling");

  // The owner sees the name and the message, and gives the request to the counsellor.
  await owner.goto(practiceUrl);
  const ownerRequest = owner.getByRole("listitem").filter({ has: owner.getByRole("heading", { name: personName }) });
  await expect(ownerRequest.getByText(message)).toBeVisible();
  await ownerRequest.getByLabel("Counsellor").selectOption({ label: "Arun Counsellor" });
  await ownerRequest.getByRole("button", { name: "Give to this counsellor" }).click();
  await expect(ownerRequest.getByText("With Arun Counsellor.")).toBeVisible();
  await expectReflowAt320(owner, "practice page");

  // The counsellor accepts; the person is on their dashboard.
  await counsellor.goto(practiceUrl);
  await counsellor.getByRole("button", { name: `Accept ${personName} as a client` }).click();
  await expect(counsellor.getByText("No open requests.")).toBeVisible();
  await counsellor.goto(`${practiceUrl}/clients`);
  await expect(counsellor.getByRole("link", { name: new RegExp(personName) })).toBeVisible();
  await person.reload();
  await expect(person.getByText("Accepted: you are now their client")).toBeVisible();

  // A couple: the partner confirms for themselves, with their own choices.
  const askerName = "Mei Asker";
  const partnerName = "Ravi Partner";
  const asker = await (await newPersonContext(browser)).newPage();
  await signUpInBrowser(asker, askerName, `asker-${stamp}@example.test`, password);
  await completeProfileByApi(asker, lowAnswers);
  await signUpInBrowser(partner, partnerName, `partner-${stamp}@example.test`, password);
  await completeProfileByApi(partner, lowAnswers);
  const code = ((await (await asker.request.post("/api/couple/invite", { headers: originOf(asker), data: {} })).json()) as { invite: { code: string } }).invite
    .code;
  registerSecret("an invite code", code);
  expect((await partner.request.post("/api/couple/accept", { headers: originOf(partner), data: { code } })).status()).toBe(200);
  await asker.goto("/directory");
  await asker.getByRole("link", { name: `Ask ${practiceName} for counselling` }).click();
  await asker.getByLabel("My partner and me").check();
  await asker.getByRole("button", { name: "Send the request" }).click();
  await expect(asker.getByText("Waiting for your partner to confirm")).toBeVisible();
  await partner.goto("/directory/requests");
  await expect(partner.getByText(`${askerName} asked for both of you`, { exact: false })).toBeVisible();
  await partner.getByLabel("Weekly check-ins").uncheck();
  await expectNoAxeViolations(partner, "a partner's request to confirm");
  await partner.getByRole("button", { name: "Confirm and share this" }).click();
  await expect(partner.getByText("Sent: the practice will pass it to a counsellor")).toBeVisible();

  await owner.goto(practiceUrl);
  const coupleRequest = owner.getByRole("listitem").filter({ has: owner.getByRole("heading", { name: `${askerName} and ${partnerName}` }) });
  await coupleRequest.getByLabel("Counsellor").selectOption({ label: "Arun Counsellor" });
  await coupleRequest.getByRole("button", { name: "Give to this counsellor" }).click();
  await expect(coupleRequest.getByText("With Arun Counsellor.")).toBeVisible();
  await counsellor.goto(practiceUrl);
  await counsellor.getByRole("button", { name: `Accept ${askerName} and ${partnerName} as a client` }).click();
  await expect(counsellor.getByText("No open requests.")).toBeVisible();
  await counsellor.goto(`${practiceUrl}/clients`);
  await expect(counsellor.getByRole("link", { name: new RegExp(askerName) })).toBeVisible();
  await partner.goto("/counselling");
  await expect(partner.getByText("Arun Counsellor", { exact: false }).first()).toBeVisible();
});
