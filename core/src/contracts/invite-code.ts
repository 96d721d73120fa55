// Partner invite codes: ten characters of Crockford's base32 (no I, L, O or U, so nothing is
// misread), shown as two groups of five. Zod-free so the web app can format codes cheaply.

export const INVITE_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const INVITE_CODE_LENGTH = 10;

/**
 * The canonical form of a code as a person typed or pasted it: upper case, spaces and dashes
 * dropped, the look-alikes I/L read as 1 and O as 0. Undefined when it cannot be a code.
 */
export function normalizeInviteCode(input: string): string | undefined {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  if (cleaned.length !== INVITE_CODE_LENGTH) return undefined;
  for (const character of cleaned) if (!INVITE_CODE_ALPHABET.includes(character)) return undefined;
  return cleaned;
}

/** "ABCDE12345" → "ABCDE-12345", for display. */
export function formatInviteCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
