import { flagTitleIn, type FlagId } from "@mutual/core";
import { expect, newPersonContext, test } from "./support/fixtures";
import { expectNoAxeViolations } from "./support/accessibility";
import { words, type Language } from "./support/catalogue";
import { completeProfileByApi, signUpInBrowser } from "./support/profile-by-api";
import { reverseWorded } from "./support/reverse-worded";
import { registerSecret } from "./support/secrets";

// A couple where one partner reads Tamil and the other Chinese (issue 18): each answers the profile
// in their own language and reads the one couple report in theirs, the page's words and the
// server's alike (that the numbers are the same whatever the language is answer-language.int.test.ts's).

const password = "lantern orchid pebble tide";

const partners: Array<{ language: Language; name: string; languageName: string }> = [
  { language: "ta", name: "Kavi", languageName: "தமிழ்" },
  { language: "zh-Hans", name: "Wei", languageName: "简体中文" },
];

/** Both feel far from each other: closeness low for each, so the couple's closeness sign shows; no safety concern. */
function answers(sectionId: string, itemId: string): number {
  if (sectionId === "safety-check") return reverseWorded.has(itemId) ? 7 : 1;
  if (itemId.startsWith("close-")) return reverseWorded.has(itemId) ? 6 : 2;
  return reverseWorded.has(itemId) ? 3 : 5;
}

const closenessSign: FlagId = "couple-low-intimacy";

test("a Tamil and a Chinese reader answer in their own languages and each read the couple report in theirs", async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const pages = [];
  for (const partner of partners) {
    const page = await (await newPersonContext(browser)).newPage();
    await page.goto("/");
    await page
      .getByRole("group", { name: /Language/ })
      .getByRole("button", { name: partner.languageName })
      .click();
    await expect(page.locator("html")).toHaveAttribute("lang", partner.language);
    await signUpInBrowser(page, partner.name, `couple-${partner.language}-${stamp}@example.test`, password, partner.language);
    await completeProfileByApi(page, answers, partner.language);
    pages.push(page);
  }
  const [kavi, wei] = pages as [(typeof pages)[number], (typeof pages)[number]];
  const headers = { origin: new URL(kavi.url()).origin };

  // Linked by an invite code, each sharing their pattern and seven scores.
  const { invite } = (await (await kavi.request.post("/api/couple/invite", { headers })).json()) as { invite: { code: string } };
  registerSecret("an invite code", invite.code);
  expect((await wei.request.post("/api/couple/accept", { headers, data: { code: invite.code } })).status()).toBe(200);
  for (const page of pages)
    expect((await page.request.put("/api/couple/shares", { headers, data: { scopes: ["overview", "dimensions"] } })).status()).toBe(200);

  for (const [index, partner] of partners.entries()) {
    const page = pages[index]!;
    const say = (key: string) => words(partner.language, key);
    await page.goto("/partner/report");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("couple.report.title"));
    await expect(page.getByRole("heading", { name: say("couple.report.dimensionsTitle") })).toBeVisible();
    // The server's words too: the couple's closeness sign is titled in this partner's language.
    const flags = page.getByRole("region", { name: say("couple.report.flagsTitle") });
    await expect(flags.getByRole("heading", { name: flagTitleIn(closenessSign, partner.language) })).toBeVisible();
    await expect(page.getByRole("main")).not.toContainText(flagTitleIn(closenessSign, "en"));
    await expect(page.getByRole("main")).not.toContainText(words("en", "couple.report.dimensionsTitle"));
    await expectNoAxeViolations(page, `couple report in ${partner.language}`);
  }
});
