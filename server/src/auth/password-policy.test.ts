import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkNewPassword } from "./password-policy.js";

describe("checkNewPassword", () => {
  it("refuses fewer than 12 characters, counting unicode characters, not bytes", () => {
    expect(checkNewPassword("eleven char")).toMatchObject({ ok: false, code: "PASSWORD_TOO_SHORT" });
    expect(checkNewPassword("雨の日に本を読む静かな午後")).toMatchObject({ ok: true });
    expect(checkNewPassword("雨の日に本を読む")).toMatchObject({ ok: false, code: "PASSWORD_TOO_SHORT" });
  });

  it("accepts 128 characters and refuses more than 256", () => {
    expect(checkNewPassword("a quiet walk by the sea ".repeat(6).slice(0, 128))).toEqual({ ok: true });
    expect(checkNewPassword("x".repeat(257))).toMatchObject({ ok: false, code: "PASSWORD_TOO_LONG" });
  });

  it.each(["qwerty123456", "1q2w3e4r5t6y", "QAZWSXEDCRFV", "password2024!", "iloveyou12345", "aaaaaaaaaaaa", "abcabcabcabc", "monkeymonkeymonkey"])(
    "refuses the common or trivially padded password %s",
    (password) => {
      expect(checkNewPassword(password)).toMatchObject({ ok: false, code: "PASSWORD_TOO_COMMON" });
    },
  );

  it("has no composition rules: a lowercase passphrase is fine", () => {
    expect(checkNewPassword("orange kettle under the stairs")).toEqual({ ok: true });
  });

  it("accepts any long random string", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 20, maxLength: 60, unit: "grapheme-ascii" }), (password) => {
        fc.pre(new Set(password).size > 8);
        expect(checkNewPassword(password).ok).toBe(true);
      }),
    );
  });
});
