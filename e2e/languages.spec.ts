import type { Page } from "@playwright/test";
import { flagText } from "@mutual/core";
import { expect, newPersonContext, test } from "./support/fixtures";
import { expectNoAxeViolations } from "./support/accessibility";
import { completeProfileByApi, signUpInBrowser } from "./support/profile-by-api";
import { reverseWorded } from "./support/reverse-worded";
import { submitSignIn } from "./support/sign-in";

// The page's language (issue 18, decision 074): a first visit follows the browser's languages, the
// switch in every page's footer changes the page without a reload and is remembered, and a signed-in
// person's choice follows them to another device. Assertions read `lang` and the switch, not the
// translated words, so they hold whatever the catalogues say.

const password = "lantern river orbit maple";
const switchIn = (page: Page) => page.getByRole("group", { name: /Language/ });

test.describe("a browser that prefers Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("shows the page in Chinese first, switches to Tamil without a reload, keeps it, and stays axe clean", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
    const languages = switchIn(page);
    await expect(languages.getByRole("button", { name: "简体中文" })).toHaveAttribute("aria-pressed", "true");
    await expectNoAxeViolations(page, "home in Chinese");

    // Browser code as text: the e2e project is type-checked without the DOM library.
    expect(await page.evaluate("window.stayed = true")).toBe(true);
    await languages.getByRole("button", { name: "தமிழ்" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "ta");
    await expect(languages.getByRole("button", { name: "தமிழ்" })).toHaveAttribute("aria-pressed", "true");
    await expect(languages.getByRole("button", { name: "தமிழ்" })).toBeFocused();
    // No reload: the page's own state is still there.
    expect(await page.evaluate("window.stayed")).toBe(true);
    await expectNoAxeViolations(page, "home in Tamil");

    await page.goto("/help");
    await expect(page.locator("html")).toHaveAttribute("lang", "ta");
    await expect(switchIn(page).getByRole("button", { name: "தமிழ்" })).toHaveAttribute("aria-pressed", "true");
    await expectNoAxeViolations(page, "help in Tamil");
  });
});

test("a language chosen while signed in follows the person to another device", async ({ page, browser }) => {
  const email = `e2e-lang-${Date.now()}@example.test`;
  await signUpInBrowser(page, "Mei", email, password);
  await switchIn(page).getByRole("button", { name: "Bahasa Melayu" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ms");
  await expect.poll(async () => ((await (await page.request.get("/api/preferences")).json()) as { language: string }).language).toBe("ms");

  // Another device, with an English browser: English until the person signs in, then Malay.
  const other = await newPersonContext(browser);
  const device = await other.newPage();
  await device.goto("/sign-in");
  await expect(device.locator("html")).toHaveAttribute("lang", "en");
  await submitSignIn(device, email, password);
  await expect(device.locator("html")).toHaveAttribute("lang", "ms");
  await expect(switchIn(device).getByRole("button", { name: "Bahasa Melayu" })).toHaveAttribute("aria-pressed", "true");
  await expectNoAxeViolations(device, "home in Malay after signing in");
  await other.close();
});

test("a profile's flags are written in the page's language, and follow a switch without a reload (decision 081)", async ({ page }) => {
  await signUpInBrowser(page, "Arun", `e2e-lang-flags-${Date.now()}@example.test`, password);
  // Low answers everywhere, the safety check calm: shareable flags only.
  await completeProfileByApi(page, (sectionId, itemId) =>
    sectionId === "safety-check" ? (reverseWorded.has(itemId) ? 7 : 1) : reverseWorded.has(itemId) ? 6 : 2,
  );
  await page.goto("/profile");
  const title = flagText.en["title.low-intimacy"];
  await expect(page.getByText(title, { exact: true })).toBeVisible();
  await switchIn(page).getByRole("button", { name: "தமிழ்" }).click();
  await expect(page.getByText(flagText.ta!["title.low-intimacy"]!, { exact: true })).toBeVisible();
  await expect(page.getByText(title, { exact: true })).toHaveCount(0);
  await switchIn(page).getByRole("button", { name: "简体中文" }).click();
  await expect(page.getByText(flagText["zh-Hans"]!["title.low-intimacy"]!, { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, "profile in Chinese");
});
