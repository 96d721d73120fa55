import * as OTPAuth from "otpauth";
import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { expect, newPersonContext, test } from "./support/fixtures";
import { completeProfileByApi, signUpInBrowser } from "./support/profile-by-api";
import { reverseWorded } from "./support/reverse-worded";
import { registerSecret } from "./support/secrets";
import { submitSignIn } from "./support/sign-in";

// Every page at 320 CSS px (WCAG 1.4.10 reflow): no sideways scrolling of the page itself, wide
// tables scroll inside their own labelled region, and axe finds nothing. Visited as a visitor, a
// partner linked with another, and a counsellor with a client (decisions 057–059).
//
// With SCREENSHOTS=0.2 the new and changed pages are also saved at 390×844 and 1280×800 into
// docs/screenshots/0.2/ (npm run build, then SCREENSHOTS=0.2 npx playwright test e2e/reflow.spec.ts).

const password = "lantern meadow copper tide";
const narrow = { width: 320, height: 640 };
const shootScreens = process.env.SCREENSHOTS === "0.2";

/** A middling profile with no safety concern. */
function answersWith(level: number) {
  return (sectionId: string, itemId: string) => {
    if (sectionId === "safety-check") return reverseWorded.has(itemId) ? 7 : 1;
    return reverseWorded.has(itemId) ? 8 - level : level;
  };
}

/** Opens a path at 320 px and checks that the page does not scroll sideways and that axe passes. */
async function expectReflows(page: Page, path: string, name = path): Promise<void> {
  await page.setViewportSize(narrow);
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");
  // Browser code as text: the e2e project is type-checked without the DOM library.
  const [scrollWidth, clientWidth] = (await page.evaluate("[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]")) as [
    number,
    number,
  ];
  // On failure, the elements that reach past the right edge, to say where to look.
  const wide =
    scrollWidth > clientWidth
      ? await page.evaluate(
          "Array.from(document.querySelectorAll('main *')).filter((e) => e.getBoundingClientRect().right > document.scrollingElement.clientWidth + 1 && !e.closest('.table-scroll')).slice(0, 8).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')",
        )
      : "";
  expect(scrollWidth, `${name} scrolls sideways at 320 px: ${String(wide)}`).toBeLessThanOrEqual(clientWidth);
  await expectNoAxeViolations(page, `${name} at 320 px`);
}

/** With SCREENSHOTS=0.2: the page at a phone's and a desk's size, for the release notes. */
async function shoot(page: Page, name: string): Promise<void> {
  if (!shootScreens) return;
  for (const [size, viewport] of [
    ["390", { width: 390, height: 844 }],
    ["1280", { width: 1280, height: 800 }],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `docs/screenshots/0.2/${name}-${size}.png`, fullPage: false });
  }
  await page.setViewportSize(narrow);
}

test("every page reflows at 320 px, signed out", async ({ page }) => {
  test.setTimeout(180_000);
  for (const path of ["/", "/sign-in", "/sign-up", "/forgot-password", "/help", "/help/counselling", "/directory", "/no-such-page"])
    await expectReflows(page, path);
  await shoot(page, "signed-out-help");
  // An invite link that does not work still says so plainly at 320 px.
  await expectReflows(page, "/partner/join#ZZZZZ-ZZZZZ", "an invite link that is not valid");
});

test("every page reflows at 320 px, for partners and a counsellor", async ({ page, browser }) => {
  test.setTimeout(600_000);
  const stamp = Date.now();
  const partnerEmail = `reflow-partner-${stamp}@example.test`;
  await signUpInBrowser(page, "Priya", partnerEmail, password);
  await completeProfileByApi(page, answersWith(5));
  const origin = new URL(page.url()).origin;
  const headers = { origin };
  const checkIn = { spokeUp: 3, feltHeard: 3, backedPartner: 3, feltBacked: 3, friendsFamilyHours: 5, wePulse: 5, mePulse: 5 };
  expect((await page.request.put("/api/check-ins/current", { headers, data: { timeZone: "Asia/Singapore", answers: checkIn } })).status()).toBe(200);

  // The partner's invite, opened by someone not signed in: who invites, and an account first.
  const invite = (await (await page.request.post("/api/couple/invite", { headers, data: {} })).json()) as { invite: { code: string } };
  registerSecret("an invite code", invite.invite.code);
  const otherContext = await newPersonContext(browser);
  const other = await otherContext.newPage();
  await expectReflows(other, `/partner/join#${invite.invite.code}`, "the partner invite's landing");
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Priya invites you to Mutual");
  await shoot(other, "invite-landing-partner");
  await signUpInBrowser(other, "Sam", `reflow-other-${stamp}@example.test`, password);
  expect((await other.request.post("/api/couple/accept", { headers, data: { code: invite.invite.code } })).status()).toBe(200);
  // Just linked, with no profile yet: the next step is the profile.
  await expectReflows(other, "/partner", "the partner page with no profile yet");
  await expect(other.getByRole("link", { name: "Take your 8-minute profile" })).toBeVisible();
  await shoot(other, "partner-next-step");
  await completeProfileByApi(other, answersWith(3));
  for (const [person, scopes] of [
    [page, ["overview", "dimensions", "check-in-trends", "exercises"]],
    [other, ["overview", "dimensions"]],
  ] as const) {
    expect((await person.request.put("/api/couple/shares", { headers, data: { scopes } })).status()).toBe(200);
  }

  for (const path of [
    "/",
    "/profile",
    "/profile/change",
    "/check-in",
    "/trends",
    "/practices",
    "/partner",
    "/partner/join",
    "/account",
    "/account/reminders",
    "/account/data-views",
    "/account/two-factor",
    "/counselling",
    "/counselling/join",
    "/help",
  ]) {
    await expectReflows(other, path);
  }
  await expectReflows(page, "/partner/check-ins");
  await expectReflows(page, "/partner/exercises");
  await expectReflows(other, "/partner/report", "the couple report");
  await shoot(other, "couple-report");
  // The menu on a phone: four tabs and More, which holds the rest and Sign out.
  const more = other.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "More" });
  await more.click();
  await expect(other.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" })).toBeVisible();
  await expectNoAxeViolations(other, "the phone menu with More open");
  await shoot(other, "menu-more-open");
  await otherContext.close();

  // A counsellor: a practice, two-step sign-in, a client who shares.
  const counsellorContext = await newPersonContext(browser);
  const counsellor = await counsellorContext.newPage();
  const counsellorEmail = `reflow-counsellor-${stamp}@example.test`;
  await signUpInBrowser(counsellor, "Nur Aisyah", counsellorEmail, password);
  const created = await counsellor.request.post("/api/auth/organization/create", { headers, data: { name: "Harbour Lane Counselling" } });
  expect(created.status()).toBe(200);
  const practiceId = ((await created.json()) as { id: string }).id;
  const enabled = (await (await counsellor.request.post("/api/auth/two-factor/enable", { headers, data: { password } })).json()) as { totpURI: string };
  const totp = OTPAuth.URI.parse(enabled.totpURI) as OTPAuth.TOTP;
  registerSecret("a two-step key", totp.secret.base32);
  expect((await counsellor.request.post("/api/auth/two-factor/verify-totp", { headers, data: { code: totp.generate() } })).status()).toBe(200);
  const clientInvite = (await (
    await counsellor.request.post(`/api/practices/${practiceId}/client-invites`, { headers, data: { kind: "individual" } })
  ).json()) as { code: string };
  registerSecret("an invite code", clientInvite.code);
  await expectReflows(page, `/counselling/join#${clientInvite.code}`, "a counsellor's invite, signed in");
  expect((await page.request.post("/api/counselling/accept", { headers, data: { code: clientInvite.code, scopes: ["profile", "check-ins"] } })).status()).toBe(
    200,
  );

  // Signing in again, with the second step, lands the counsellor on their clients.
  await counsellor.request.post("/api/auth/sign-out", { headers, data: {} });
  await counsellor.goto("/sign-in");
  await submitSignIn(counsellor, counsellorEmail, password);
  await counsellor.getByLabel("Six-digit code").fill(totp.generate());
  await counsellor.getByRole("button", { name: "Sign in" }).click();
  await expect(counsellor.getByRole("heading", { level: 1 })).toHaveText("Your clients' dashboard");
  await expect(counsellor.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Clients" })).toHaveAttribute("aria-current", "page");

  const dashboard = `/practice/${practiceId}/clients`;
  await expectReflows(counsellor, dashboard, "the dashboard");
  await expect(counsellor.getByRole("region", { name: /table, scrolls sideways/ })).toBeVisible();
  await shoot(counsellor, "counsellor-dashboard");
  const clientPath = (await counsellor.getByRole("link", { name: "Priya" }).getAttribute("href")) ?? "";
  expect(clientPath).toMatch(/^\/practice\/.+\/clients\/.+/);
  await expectReflows(counsellor, clientPath, "a client");
  await shoot(counsellor, "counsellor-client");
  await expectReflows(counsellor, `${clientPath}/report`, "a client's printable report");
  await expectReflows(counsellor, `/practice/${practiceId}`, "the practice");
  await shoot(counsellor, "counsellor-practice");
  await expectReflows(counsellor, `/practice/${practiceId}/psychometrics`, "the practice's reliability");
  await shoot(counsellor, "counsellor-psychometrics");
  await expectReflows(counsellor, "/practice", "the list of practices");

  // The practice lists itself; a partner finds it in the directory and opens the request form.
  const listing = {
    languages: ["en", "zh", "ms", "ta"],
    individual: true,
    couple: true,
    inPersonArea: "Toa Payoh",
    online: true,
    fees: "S$50 a session, less with a subsidy",
    subsidised: true,
    description: "Counselling for one person or a couple, in four languages.",
    contact: "https://harbour-lane.example/book",
  };
  expect((await counsellor.request.put(`/api/practices/${practiceId}/listing`, { headers, data: listing })).status()).toBe(200);
  await expectReflows(page, "/directory", "the directory of practices");
  await expect(page.getByRole("heading", { name: "Harbour Lane Counselling" })).toBeVisible();
  await shoot(page, "directory");
  await expectReflows(page, `/directory/ask/${practiceId}`, "asking a practice for counselling");
  await shoot(page, "directory-ask");
  await expectReflows(page, "/directory/requests", "a person's requests for counselling");
  await expectReflows(counsellor, "/account", "a counsellor's account");
  await counsellorContext.close();
});
