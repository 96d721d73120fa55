import { createHmac, hkdfSync, randomInt } from "node:crypto";
import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH, formatInviteCode } from "@mutual/core";

// Invite codes (decision 012): ten characters of Crockford's base32 shown as XXXXX-XXXXX,
// stored only as a keyed hash. Used by partner invites (decision 012) and client invites (decision 015).

/** Hashes a normalised invite code for storage and lookup. */
export type InviteCodeHasher = (normalizedCode: string) => string;

/** What a code is for: each purpose has its own key, so a hash of one kind says nothing of another. */
export type InviteCodePurpose = "partner-invite-code" | "client-invite-code";

/**
 * HMAC-SHA-256 under a sub-key derived (HKDF) from the auth secret with its own label, so the
 * stored hash is useless without the secret and the secret itself is never used for two purposes.
 */
export function createInviteCodeHasher(authSecret: string, purpose: InviteCodePurpose): InviteCodeHasher {
  const key = Buffer.from(hkdfSync("sha256", authSecret, "mutual", `mutual/${purpose}/v1`, 32));
  return (normalizedCode) => createHmac("sha256", key).update(normalizedCode).digest("base64url");
}

/**
 * A new code from a source of uniform random integers in [0, max) (crypto.randomInt by
 * default), shown as XXXXX-XXXXX. 32 symbols and 10 places: 50 bits.
 */
export function makeInviteCode(randomBelow: (max: number) => number = randomInt): string {
  let code = "";
  for (let index = 0; index < INVITE_CODE_LENGTH; index += 1) code += INVITE_CODE_ALPHABET[randomBelow(INVITE_CODE_ALPHABET.length)];
  return formatInviteCode(code);
}
