import type { Page } from "@playwright/test";

// The main menu is one row on wide screens and a tab bar with "More" on phones (decision 057).
// These helpers go to a place the way a person would at the page's width: straight from the row
// or tab bar, or through "More" when the place is inside it.

/** Opens "More" if the menu has it and it is closed. */
async function openMoreIfThere(page: Page): Promise<void> {
  const more = page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "More" });
  if ((await more.count()) > 0 && (await more.getAttribute("aria-expanded")) === "false") await more.click();
}

/** Follows a link of the main menu by its name. */
export async function goToPlace(page: Page, name: string): Promise<void> {
  const link = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });
  if ((await link.count()) === 0) await openMoreIfThere(page);
  await link.click();
}

/** Signs out from the main menu. */
export async function signOutFromMenu(page: Page): Promise<void> {
  const button = page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" });
  if ((await button.count()) === 0) await openMoreIfThere(page);
  await button.click();
}
