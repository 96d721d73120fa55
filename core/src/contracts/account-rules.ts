// Account rules as plain values, with no zod import, so the web app can use them for
// instant feedback without shipping a validation library. The server stays authoritative.

/**
 * Password rules (OWASP ASVS 5.0, V6.2): at least 12 characters, up to 256, any
 * characters, no composition rules; common passwords are refused by the server.
 */
export const passwordRules = { minLength: 12, maxLength: 256 } as const;

export const displayNameRules = { maxLength: 80 } as const;

/**
 * What a name may not hold, whoever chose it: control characters (C0, DEL, C1, which take in
 * tab, line feed and NEL), the Unicode line and paragraph separators, and the invisible marks
 * that reorder the text around them (bidirectional controls). A name reaches emails and printed
 * reports; with any of these it could start a line of its own, or read in another order, and
 * pass for our words. Joiners (ZWJ, ZWNJ) stay: scripts and emoji need them.
 */
const lineBreakers = "\\p{Cc}\\u2028\\u2029\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069";
const breaksOutOfItsLine = new RegExp(`[${lineBreakers}]`, "u");
const lineBreakerRuns = new RegExp(`[${lineBreakers}]+`, "gu");

/** The text on one line: each run of the characters a name may not hold becomes one space. */
export function flattenToOneLine(text: string): string {
  return text.replace(lineBreakerRuns, " ");
}

export type ChosenNameProblem = "empty" | "too-long" | "not-one-line";

/**
 * The one rule for every name a person or a practice chooses (decision 031): one line with none
 * of the characters above, anywhere (a trailing line feed too), of 1 to `maxLength` characters
 * once trimmed of spaces. Null when fine.
 */
export function chosenNameProblem(name: string, maxLength: number): ChosenNameProblem | null {
  if (breaksOutOfItsLine.test(name)) return "not-one-line";
  const trimmed = name.trim();
  if (trimmed.length === 0) return "empty";
  return trimmed.length > maxLength ? "too-long" : null;
}

/** Loose shape check for instant feedback only; the server decides what is valid. */
export const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
