import { writeFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, newPersonContext, test } from "./support/fixtures";
import { expectNoAxeViolations } from "./support/accessibility";
import { exactly, words, type Language } from "./support/catalogue";
import { launchWithoutScriptFonts } from "./support/browser-without-script-fonts";
import { pdfPageCount } from "./support/pdf-text";
import { answerProfileByApi, signUpInBrowser } from "./support/profile-by-api";
import { reverseWorded } from "./support/reverse-worded";
import { goToPlace, signOutFromMenu } from "./support/navigation";
import { submitSignIn } from "./support/sign-in";

// The partner's journey in Tamil and in Chinese (issue 18, decisions 074 and 079): sign-up, the
// profile, its printed copy and the check-in, every page in the chosen language (the words are read
// from the same catalogue files the app is built from), axe clean, and the choice kept for the
// person across sign-out and a sign-in on another device. The journey runs in a browser that has no
// Tamil or Chinese font, as on many desktops: the script's font must come from our own server. The
// other device is this machine's own browser.

const password = "harbour kite fennel spoon";

const journeys: Array<{ language: Language; name: string; languageName: string; font: RegExp; fontFamily: string }> = [
  { language: "ta", name: "Kavya", languageName: "தமிழ்", font: /NotoSansTamil/, fontFamily: "Noto Sans Tamil Variable" },
  { language: "zh-Hans", name: "Wei", languageName: "简体中文", font: /NotoSansSC/, fontFamily: "Noto Sans SC Variable" },
];

/** The footer's language switch (a group, so page buttons are looked for inside `main`). */
const switchIn = (page: Page) => page.getByRole("group", { name: /Language/ });
const heading = (page: Page) => page.getByRole("heading", { level: 1 });

/** Whether the page's font for a script has loaded for a sample of that script (spaces are another script's). */
async function fontLoaded(page: Page, family: string, text: string): Promise<boolean> {
  const sample = text.replace(/[\s\p{P}]/gu, "");
  await page.evaluate("document.fonts.ready.then(() => true)");
  return (await page.evaluate(`document.fonts.check(${JSON.stringify(`16px "${family}"`)}, ${JSON.stringify(sample)})`)) as boolean;
}

for (const journey of journeys) {
  const { language } = journey;
  const say = (key: string, values?: Record<string, string | number>) => words(language, key, values);

  test(`a partner's journey in ${journey.languageName}: sign-up, profile, printed profile and check-in, kept at the next sign-in`, async ({
    browser,
  }, testInfo) => {
    test.setTimeout(150_000);
    const email = `e2e-${language}-${Date.now()}@example.test`;
    const fontless = await launchWithoutScriptFonts(browser.browserType(), testInfo.project.use.launchOptions);
    const context = await newPersonContext(fontless);
    const page = await context.newPage();
    const fontFiles: string[] = [];
    page.on("response", (response) => {
      if (/\.woff2$/.test(response.url())) fontFiles.push(response.url());
    });

    // An English browser chooses the language in the footer before signing up.
    await page.goto("/");
    await switchIn(page).getByRole("button", { name: journey.languageName }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", language);
    await signUpInBrowser(page, journey.name, email, password, language);
    await expect(page.locator("html")).toHaveAttribute("lang", language);
    await expectNoAxeViolations(page, `home in ${language}`);
    // The person had not chosen before signing up: the device's choice is stored for them.
    await expect.poll(async () => ((await (await page.request.get("/api/preferences")).json()) as { language: string | null }).language).toBe(language);

    // Consent and the assessment's first statement in the page's language.
    await page.goto("/assessment");
    await expect(heading(page)).toHaveText(say("consent.title"));
    await expectNoAxeViolations(page, `consent in ${language}`);
    await page.getByLabel(say("consent.agreeLabel")).check();
    await page.getByRole("button", { name: say("consent.agreeButton") }).click();
    await expect(heading(page)).toHaveText(say("assessment.introTitle"));
    await page
      .getByRole("main")
      .getByRole("button", { name: say("assessment.start") })
      .click();
    await expect(heading(page)).toHaveText(say("assessment.title"));
    const position = exactly(say("assessment.position", { current: 1, total: "TOTAL" })).source.replace("TOTAL", "\\d+");
    await expect(page.getByText(new RegExp(position))).toBeVisible();
    await expectNoAxeViolations(page, `assessment statement in ${language}`);

    // The other statements through the API (the keyboard path is partner-journey.spec's), then the review.
    // The private safety check reports no concern (agreeing only with its one reverse-worded statement).
    await answerProfileByApi(page, (sectionId, itemId) => (sectionId === "safety-check" ? (reverseWorded.has(itemId) ? 7 : 1) : 5), language);
    await page.reload();
    await expect(page.getByRole("heading", { name: say("assessment.reviewTitle") })).toBeVisible();
    await page
      .getByRole("main")
      .getByRole("button", { name: say("assessment.submit") })
      .click();
    await expect(heading(page)).toHaveText(say("profile.title"));
    await expectNoAxeViolations(page, `profile in ${language}`);

    // The script's font came from our own server, in the page's language only.
    expect(await fontLoaded(page, journey.fontFamily, say("profile.title"))).toBe(true);
    expect(fontFiles.length, "font files fetched").toBeGreaterThan(0);
    for (const url of fontFiles) expect(new URL(url).origin).toBe(new URL(page.url()).origin);

    // Printed to PDF: the script's font is embedded, and the profile fits on two pages.
    await page.emulateMedia({ media: "print" });
    expect(await fontLoaded(page, journey.fontFamily, say("profile.title"))).toBe(true);
    const pdf = await page.pdf({ format: "A4", printBackground: false });
    // Kept for people to look at, beside the screenshots.
    await writeFile(`e2e-output/profile-${language}.pdf`, pdf);
    expect(Buffer.from(pdf).toString("latin1")).toMatch(journey.font);
    expect(await pdfPageCount(pdf)).toBeLessThanOrEqual(2);
    await page.emulateMedia({ media: "screen" });

    // The weekly check-in, every word in the page's language.
    await goToPlace(page, say("nav.checkIn"), language);
    await expect(heading(page)).toHaveText(say("checkIn.title"));
    await expect(page.getByRole("main")).not.toContainText(words("en", "checkIn.title"));
    await expectNoAxeViolations(page, `check-in in ${language}`);
    const main = page.getByRole("main");
    await main
      .getByRole("group", { name: say("checkIn.questions.spokeUp") })
      .getByLabel(say("checkIn.amount.lot"))
      .check();
    await main
      .getByRole("group", { name: say("checkIn.questions.wePulse") })
      .getByLabel(exactly(say("checkIn.pulse.p6")))
      .check();
    await main.getByLabel(say("checkIn.questions.friendsFamilyHours")).fill("3");
    await main.getByRole("button", { name: say("checkIn.save") }).click();
    await expect(page.getByText(say("checkIn.saved"))).toBeVisible();
    await expectNoAxeViolations(page, `check-in saved in ${language}`);

    // Signed out, then in again on another device with an English browser: the person's language returns.
    await signOutFromMenu(page, language);
    await expect(page.locator("html")).toHaveAttribute("lang", language);
    await fontless.close();
    const other = await newPersonContext(browser);
    const device = await other.newPage();

    await device.goto("/sign-in");
    await expect(device.locator("html")).toHaveAttribute("lang", "en");
    await submitSignIn(device, email, password);
    await expect(device.locator("html")).toHaveAttribute("lang", language);
    await expect(heading(device)).toHaveText(say("home.greeting", { name: journey.name }));
    await expect(switchIn(device).getByRole("button", { name: journey.languageName })).toHaveAttribute("aria-pressed", "true");
    await expectNoAxeViolations(device, `home in ${language} on another device`);
    await other.close();
  });
}
