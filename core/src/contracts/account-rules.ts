// Account rules as plain values, with no zod import, so the web app can use them for
// instant feedback without shipping a validation library. The server stays authoritative.

/**
 * Password rules (OWASP ASVS 5.0, V6.2): at least 12 characters, up to 256, any
 * characters, no composition rules; common passwords are refused by the server.
 */
export const passwordRules = { minLength: 12, maxLength: 256 } as const;

export const displayNameRules = { maxLength: 80 } as const;

/** Loose shape check for instant feedback only; the server decides what is valid. */
export const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
