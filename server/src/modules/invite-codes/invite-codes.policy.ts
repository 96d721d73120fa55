// Rules every invite code follows, for a partner (decision 012) or a client (decision 015):
// seven days to accept, one count of failed codes per person across both kinds, one answer
// for input that cannot be a code and one for a code that does not work, and nobody accepts
// their own. Pure; unit-tested here, each user's policy adding only its own words.
import { normalizeInviteCode } from "@mutual/core";
import { DomainError } from "../../domain/errors.js";

const hourMs = 60 * 60 * 1000;

/** An invite can be accepted for this long after it was made. */
export const INVITE_TTL_MS = 7 * 24 * hourMs;
/** Failed code lookups and accepts allowed per person in the window (partner and client codes together); the next answers 429. */
export const FAILED_ATTEMPTS_LIMIT = 10;
export const FAILED_ATTEMPTS_WINDOW_MS = hourMs;

export function inviteExpiresAt(createdAt: number): number {
  return createdAt + INVITE_TTL_MS;
}

/**
 * Unknown, expired, used and cancelled codes all get the same answer: nothing to learn from it.
 * `inviter` is who can make a new one.
 */
export function inviteCodeNotFound(inviter: "partner" | "counsellor"): DomainError {
  return new DomainError(404, "INVITE_NOT_FOUND", `This invite code does not work. Ask your ${inviter} for a new one.`);
}

/** Nobody accepts their own invite; `instead` says what the code is for (e.g. "send it to your partner"). */
export function requireNotOwnInviteCode(inviterId: string, userId: string, instead: string): void {
  if (inviterId === userId) throw new DomainError(422, "OWN_INVITE", `This is your own invite: ${instead}.`);
}

/** Pending and not yet expired: the only state in which an invite can be looked up or accepted. */
export function isInviteOpen(invite: { status: string; expiresAt: number }, now: number): boolean {
  return invite.status === "pending" && now < invite.expiresAt;
}

/** The canonical code, or 400 INVALID_CODE when the input cannot be a code at all. */
export function requireCodeShape(input: string): string {
  const code = normalizeInviteCode(input);
  if (code === undefined) {
    throw new DomainError(400, "INVALID_CODE", "That does not look like an invite code: it has ten letters and digits.", [
      { path: "code", message: "not an invite code" },
    ]);
  }
  return code;
}

export function requireNotThrottled(recentFailures: number): void {
  if (recentFailures >= FAILED_ATTEMPTS_LIMIT) {
    throw new DomainError(429, "TOO_MANY_ATTEMPTS", "Too many codes that did not work. Please wait an hour and try again.");
  }
}
