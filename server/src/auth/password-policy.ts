import { passwordRules } from "@mutual/core";

// About 49,000 of the most common leaked passwords (the list zxcvbn ships). Only a few
// hundred are 12 characters or longer, so the check also strips what people usually
// add to meet a length rule: repeats and trailing digits or symbols.
// Loaded on the first password check, not at start-up: unpacking the list costs about
// 15 MB that an idle server need not carry.
let commonPasswords: Promise<ReadonlySet<string>> | undefined;

function loadCommonPasswords(): Promise<ReadonlySet<string>> {
  commonPasswords ??= import("@zxcvbn-ts/language-common").then(({ dictionary }) => new Set(dictionary["passwords-common"].map((word) => word.toLowerCase())));
  return commonPasswords;
}

export type PasswordVerdict = { ok: true } | { ok: false; code: "PASSWORD_TOO_SHORT" | "PASSWORD_TOO_LONG" | "PASSWORD_TOO_COMMON"; message: string };

/** Judges a new password against the length rules and the bundled list of common passwords. */
export async function checkNewPassword(password: string): Promise<PasswordVerdict> {
  if ([...password].length < passwordRules.minLength) {
    return { ok: false, code: "PASSWORD_TOO_SHORT", message: `Use at least ${passwordRules.minLength} characters.` };
  }
  if ([...password].length > passwordRules.maxLength) {
    return { ok: false, code: "PASSWORD_TOO_LONG", message: `Use at most ${passwordRules.maxLength} characters.` };
  }
  if (isCommonPassword(password, await loadCommonPasswords())) {
    return {
      ok: false,
      code: "PASSWORD_TOO_COMMON",
      message: "This password is on a list of common passwords that attackers try first. Choose another; a few unrelated words work well.",
    };
  }
  return { ok: true };
}

function isCommonPassword(password: string, commonPasswords: ReadonlySet<string>): boolean {
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered)) return true;
  if (isRepetition(lowered, commonPasswords)) return true;
  // "password2024!" and the like: a common base padded at the end.
  const base = lowered.replace(/[\d\W_]+$/u, "");
  return base.length >= 4 && base !== lowered && commonPasswords.has(base);
}

/** True for "aaaaaaaaaaaa", "abcabcabcabc", "passwordpassword": one short unit repeated. */
function isRepetition(text: string, commonPasswords: ReadonlySet<string>): boolean {
  for (let unit = 1; unit <= text.length / 2; unit += 1) {
    if (text.length % unit !== 0) continue;
    const piece = text.slice(0, unit);
    if (piece.repeat(text.length / unit) === text && (unit < 4 || commonPasswords.has(piece))) return true;
  }
  return false;
}
