import type { PracticesResponse } from "@mutual/core";

// Where a practice member's work starts (decision 057): their clients. Kept in lib so the frame,
// the sign-in page and the menu name the same place.

/** The clients list of the person's practice, the list of practices if they have several, or null for someone in none. */
export function clientsPathOf(practices: PracticesResponse["practices"] | undefined): string | null {
  if (!practices || practices.length === 0) return null;
  const [only] = practices;
  return practices.length === 1 && only ? `/practice/${encodeURIComponent(only.id)}/clients` : "/practice";
}

/** The person's counselling practice page, or the list of them if they have several; null for someone in none. */
export function practicePathOf(practices: PracticesResponse["practices"] | undefined): string | null {
  if (!practices || practices.length === 0) return null;
  const [only] = practices;
  return practices.length === 1 && only ? `/practice/${encodeURIComponent(only.id)}` : "/practice";
}
