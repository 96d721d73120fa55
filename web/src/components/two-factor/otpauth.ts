/** The base32 secret of an otpauth:// URI, or "" when it has none. */
export function secretOf(totpURI: string): string {
  try {
    return new URL(totpURI).searchParams.get("secret") ?? "";
  } catch {
    return "";
  }
}

/** The secret in groups of four, as people type it into an authenticator app. */
export function groupSecret(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(" ");
}

/** A code as typed: spaces and dashes dropped (authenticator apps show "123 456"). */
export function normalizeCode(input: string): string {
  return input.replace(/[\s-]/g, "");
}

export const isSixDigits = (code: string) => /^\d{6}$/.test(code);
