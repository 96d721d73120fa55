import { useSyncExternalStore } from "react";

// The width below which the menu becomes a tab bar at the bottom of the screen (decision 057).
// styles.css uses the same width for the room it keeps under the page.
const NARROW = "(max-width: 47.99rem)";

const query = (): MediaQueryList | undefined =>
  typeof window !== "undefined" && typeof window.matchMedia === "function" ? window.matchMedia(NARROW) : undefined;

function subscribe(listener: () => void): () => void {
  const list = query();
  list?.addEventListener("change", listener);
  return () => list?.removeEventListener("change", listener);
}

/** Whether the screen is phone-narrow; read at once, so the first paint already has the right menu. */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(subscribe, () => query()?.matches ?? false);
}
