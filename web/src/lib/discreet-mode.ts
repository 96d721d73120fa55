// Discreet mode (decision 048): on this device, the app installs as "Notes" with a plain icon and
// every tab says "Notes", for someone whose screen may be seen by a partner who controls them
// (docs/privacy.md). Kept in this browser only: it is about the device, and must work before
// anyone signs in. The neutral name is stored as chosen (from the person's language), so this
// code, which loads beside the first screen rather than in it, needs no text of its own.
const storageKey = "mutual.discreet";

/** The neutral name while discreet mode is on in this browser, else null. */
export function discreetName(): string | null {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

let titleWatch: MutationObserver | null = null;

/** Keeps every tab title at the neutral name, whatever a page sets it to. */
function holdTitle(name: string | null): void {
  titleWatch?.disconnect();
  titleWatch = null;
  if (name === null) return;
  const hold = () => {
    if (document.title !== name) document.title = name;
  };
  hold();
  titleWatch = new MutationObserver(hold);
  titleWatch.observe(document.head, { subtree: true, childList: true, characterData: true });
}

/** Points the manifest, the icons, the theme colour and the title at the discreet or the usual ones. */
export function applyDiscreetMode(): void {
  const name = discreetName();
  const isOn = name !== null;
  document.querySelector('link[rel="manifest"]')?.setAttribute("href", isOn ? "/manifest-discreet.webmanifest" : "/manifest.webmanifest");
  document.querySelector('link[rel="icon"]')?.setAttribute("href", isOn ? "/icons/discreet-192.png" : "/favicon.svg");
  document.querySelector('link[rel="icon"]')?.setAttribute("type", isOn ? "image/png" : "image/svg+xml");
  document.querySelector('link[rel="apple-touch-icon"]')?.setAttribute("href", isOn ? "/icons/discreet-192.png" : "/icons/icon-192.png");
  document.querySelector('meta[name="theme-color"]')?.setAttribute("content", isOn ? "#5f6b70" : "#1f5f5a");
  holdTitle(name);
}

/** Turns discreet mode on with the neutral name, or off with null. */
export function setDiscreetMode(name: string | null): void {
  try {
    if (name !== null) window.localStorage.setItem(storageKey, name);
    else window.localStorage.removeItem(storageKey);
  } catch {
    // Storage may be off (a private window): nothing is kept, and nothing needs hiding later.
  }
  applyDiscreetMode();
}
