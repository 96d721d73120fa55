import type { Page } from "@playwright/test";
import { words, type Language } from "./catalogue";

// The main menu is one row on wide screens and a tab bar with "More" on phones (decision 057).
// These helpers go to a place the way a person would at the page's width: straight from the row
// or tab bar, or through "More" when the place is inside it. The menu is read in the page's
// language (English unless told).

const mainMenu = (page: Page, language: Language) => page.getByRole("navigation", { name: words(language, "nav.label") });

/** Opens "More" if the menu has it and it is closed. */
async function openMoreIfThere(page: Page, language: Language): Promise<void> {
  const more = mainMenu(page, language).getByRole("button", { name: words(language, "nav.more") });
  if ((await more.count()) > 0 && (await more.getAttribute("aria-expanded")) === "false") await more.click();
}

/** Follows a link of the main menu by its name. */
export async function goToPlace(page: Page, name: string, language: Language = "en"): Promise<void> {
  const link = mainMenu(page, language).getByRole("link", { name, exact: true });
  if ((await link.count()) === 0) await openMoreIfThere(page, language);
  await link.click();
}

/** Signs out from the main menu. */
export async function signOutFromMenu(page: Page, language: Language = "en"): Promise<void> {
  const button = mainMenu(page, language).getByRole("button", { name: words(language, "nav.signOut") });
  if ((await button.count()) === 0) await openMoreIfThere(page, language);
  await button.click();
}
