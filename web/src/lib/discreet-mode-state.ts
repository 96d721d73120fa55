// Whether discreet mode is on in this browser (decision 048): the one line the first screen needs
// (every page's tab title), apart from the rest of discreet mode, which loads later.
export const discreetModeKey = "mutual.discreet";

export function isDiscreetMode(): boolean {
  try {
    return window.localStorage.getItem(discreetModeKey) === "on";
  } catch {
    return false;
  }
}
