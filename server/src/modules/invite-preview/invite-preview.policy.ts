import { DomainError } from "../../domain/errors.js";

// The rules of looking at an invite before signing in (decision 058): a few looks per address in
// a window, and one answer for every code or invitation that does not work, whatever the reason.

/** Looks allowed per client address in the window; the next answers 429. */
export const PREVIEW_LIMIT = 30;
export const PREVIEW_WINDOW_MS = 10 * 60 * 1000;

/** The count of looks after this one, starting afresh once the window since the last look has passed. */
export function nextPreviewCount(previous: { count: number; lastRequest: number } | undefined, now: number): number {
  if (!previous || now - previous.lastRequest > PREVIEW_WINDOW_MS) return 1;
  return previous.count + 1;
}

export function requirePreviewAllowed(count: number): void {
  if (count > PREVIEW_LIMIT)
    throw new DomainError(429, "TOO_MANY_ATTEMPTS", "Too many invite links looked at from here. Please wait a few minutes and try again.");
}

/** Unknown, expired, used, cancelled or malformed: one answer that says nothing about why. */
export function inviteNotValid(): DomainError {
  return new DomainError(404, "INVITE_NOT_VALID", "This invite link is not valid. Ask the person who sent it for a new one.");
}
