import { randomInt } from "node:crypto";
import { symmetricDecrypt, symmetricEncrypt } from "better-auth/crypto";

// Backup codes a person can read off paper and type on a phone (issue 19): no characters that look
// alike, and any case, spaces or dashes accepted. Better Auth compares codes as exact strings, so
// both sides are brought to one form: the typed code in a hook (auth-hooks.ts), the stored list
// as it is read (backupCodeStore). Codes made before this change (mixed case, all 62 characters)
// keep working, compared without regard to case.

/** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: what remains is not mistaken for anything else. */
export const BACKUP_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
const CODE_LENGTH = 10;

/** Ten codes of ten characters from the alphabet (about 46 bits each), shown as XXXXX-XXXXX. */
export function generateBackupCodes(amount = 10): string[] {
  return Array.from({ length: amount }, () => {
    const characters = Array.from({ length: CODE_LENGTH }, () => BACKUP_CODE_ALPHABET[randomInt(BACKUP_CODE_ALPHABET.length)]).join("");
    return `${characters.slice(0, 5)}-${characters.slice(5)}`;
  });
}

/** One form for a code however it was typed: capitals, no spaces, the dash in the middle. */
export function normaliseBackupCode(typed: string): string {
  const bare = typed.replace(/[\s-]/g, "").toUpperCase();
  return bare.length === CODE_LENGTH ? `${bare.slice(0, 5)}-${bare.slice(5)}` : bare;
}

/**
 * How Better Auth keeps the codes: encrypted with the auth secret exactly as its "encrypted" option
 * does (so stored codes stay readable), handed back in the normalised form for comparison.
 */
export function backupCodeStore(secret: string) {
  return {
    encrypt: (json: string) => symmetricEncrypt({ key: secret, data: json }),
    decrypt: async (stored: string) => {
      const codes: unknown = JSON.parse(await symmetricDecrypt({ key: secret, data: stored }));
      return JSON.stringify(Array.isArray(codes) ? codes.map((code) => normaliseBackupCode(String(code))) : []);
    },
  };
}
