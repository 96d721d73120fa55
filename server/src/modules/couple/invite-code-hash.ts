import { createHmac, hkdfSync } from "node:crypto";

/** Hashes a normalised invite code for storage and lookup. */
export type InviteCodeHasher = (normalizedCode: string) => string;

/**
 * HMAC-SHA-256 under a sub-key derived (HKDF) from the auth secret with its own label, so the
 * stored hash is useless without the secret and the secret itself is never used for two purposes.
 */
export function createInviteCodeHasher(authSecret: string): InviteCodeHasher {
  const key = Buffer.from(hkdfSync("sha256", authSecret, "mutual", "mutual/partner-invite-code/v1", 32));
  return (normalizedCode) => createHmac("sha256", key).update(normalizedCode).digest("base64url");
}
