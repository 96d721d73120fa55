import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkNewPassword } from "./password-policy.js";

describe("checkNewPassword", () => {
  it("refuses fewer than 12 characters, counting unicode characters, not bytes", async () => {
    expect(await checkNewPassword("eleven char")).toMatchObject({ ok: false, code: "PASSWORD_TOO_SHORT" });
    expect(await checkNewPassword("雨の日に本を読む静かな午後")).toMatchObject({ ok: true });
    expect(await checkNewPassword("雨の日に本を読む")).toMatchObject({ ok: false, code: "PASSWORD_TOO_SHORT" });
  });

  it("accepts 128 characters and refuses more than 256", async () => {
    expect(await checkNewPassword("a quiet walk by the sea ".repeat(6).slice(0, 128))).toEqual({ ok: true });
    expect(await checkNewPassword("x".repeat(257))).toMatchObject({ ok: false, code: "PASSWORD_TOO_LONG" });
  });

  it.each(["qwerty123456", "1q2w3e4r5t6y", "QAZWSXEDCRFV", "password2024!", "iloveyou12345", "aaaaaaaaaaaa", "abcabcabcabc", "monkeymonkeymonkey"])(
    "refuses the common or trivially padded password %s",
    async (password) => {
      expect(await checkNewPassword(password)).toMatchObject({ ok: false, code: "PASSWORD_TOO_COMMON" });
    },
  );

  it("has no composition rules: a lowercase passphrase is fine", async () => {
    expect(await checkNewPassword("orange kettle under the stairs")).toEqual({ ok: true });
  });

  it("accepts any long random string", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 20, maxLength: 60, unit: "grapheme-ascii" }), async (password) => {
        fc.pre(new Set(password).size > 8);
        expect((await checkNewPassword(password)).ok).toBe(true);
      }),
    );
  });
});
