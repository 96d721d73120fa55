// Discreet mode (decision 048): on this device, the app installs as "Notes" with a plain icon and
// every tab says "Notes", for someone whose screen may be seen by a partner who controls them
// (docs/privacy.md). Kept in this browser only: it is about the device, and must work before
// anyone signs in.
import { discreetModeKey, isDiscreetMode } from "./discreet-mode-state";

export { isDiscreetMode };

/** Points the manifest, the icon and the theme colour at the discreet or the usual ones. */
export function applyDiscreetMode(): void {
  const isOn = isDiscreetMode();
  document.querySelector('link[rel="manifest"]')?.setAttribute("href", isOn ? "/manifest-discreet.webmanifest" : "/manifest.webmanifest");
  document.querySelector('link[rel="icon"]')?.setAttribute("href", isOn ? "/icons/discreet-192.png" : "/favicon.svg");
  document.querySelector('link[rel="icon"]')?.setAttribute("type", isOn ? "image/png" : "image/svg+xml");
  document.querySelector('link[rel="apple-touch-icon"]')?.setAttribute("href", isOn ? "/icons/discreet-192.png" : "/icons/icon-192.png");
  document.querySelector('meta[name="theme-color"]')?.setAttribute("content", isOn ? "#5f6b70" : "#1f5f5a");
}

export function setDiscreetMode(isOn: boolean): void {
  try {
    if (isOn) window.localStorage.setItem(discreetModeKey, "on");
    else window.localStorage.removeItem(discreetModeKey);
  } catch {
    // Storage may be off (a private window): nothing is kept, and nothing needs hiding later.
  }
  applyDiscreetMode();
}
