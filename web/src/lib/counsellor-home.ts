import type { PracticesResponse } from "@mutual/core";

// Where a practice member's work starts (decision 057): their clients. Kept in lib so the frame,
// the sign-in page and the menu name the same places.

/**
 * The person's clients and practice pages (of their one practice, or the list of practices if
 * they have several); null for someone in no practice.
 */
export function counsellorPathsOf(practices: PracticesResponse["practices"] | undefined): { clients: string; practice: string } | null {
  if (!practices?.length) return null;
  if (practices.length > 1 || !practices[0]) return { clients: "/practice", practice: "/practice" };
  const practice = `/practice/${encodeURIComponent(practices[0].id)}`;
  return { clients: `${practice}/clients`, practice };
}
