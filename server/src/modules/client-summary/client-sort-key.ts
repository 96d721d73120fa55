// The key a client's name sorts by in SQL (decision 063): compared byte by byte (SQLite's BINARY,
// PostgreSQL's "C" collation), it orders names as the dashboard always has, with
// Intl.Collator("en", { sensitivity: "base", numeric: true }): case and accents ignored, runs of
// digits by their value, spaces and punctuation before digits and digits before letters. Pure.

// Spaces and punctuation in the collator's order, each mapped below the digits' marks (code 1 up).
const PUNCTUATION = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";
const punctuationKey = new Map([...PUNCTUATION].map((character, index) => [character, String.fromCharCode(1 + index)]));
// Letters the collator reads as others at its first level (æ as "ae"), beyond what NFD splits off.
const EXPANSIONS: Readonly<Record<string, string>> = { æ: "ae", œ: "oe", ß: "ss", ø: "o", ł: "l", đ: "d", ð: "d", ħ: "h", ŧ: "t" };
const WHITESPACE = /\s/u;
const COMBINING = /\p{M}/u;
// A run of digits becomes one mark (its length, from "0" up, so a longer number sorts later) and the
// digits without leading zeros; 48 digits at most keep the mark below the letters.
const MAX_DIGITS = 48;

/** The sort key of a display name; equal keys for names the collator calls equal. */
export function clientSortKey(name: string): string {
  let key = "";
  let digits = "";
  const flush = () => {
    if (digits === "") return;
    const value = digits.replace(/^0+/u, "").slice(0, MAX_DIGITS);
    key += String.fromCharCode(0x30 + value.length) + value;
    digits = "";
  };
  let inDigits = false;
  for (const character of name.normalize("NFD").toLowerCase()) {
    if (character >= "0" && character <= "9") {
      digits += character;
      inDigits = true;
      continue;
    }
    if (inDigits) {
      flush();
      inDigits = false;
    }
    if (COMBINING.test(character)) continue;
    const punctuation = punctuationKey.get(character) ?? (WHITESPACE.test(character) ? punctuationKey.get(" ") : undefined);
    key += punctuation ?? EXPANSIONS[character] ?? character;
  }
  flush();
  return key;
}
