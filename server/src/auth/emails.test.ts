import { describe, expect, it } from "vitest";
import { textsAboveGrade } from "../../../core/src/testing/reading-grade.js";
import { confirmSignUpEmail, existingAccountEmail, passwordResetEmail, practiceInvitationEmail } from "./emails.js";

const link = "https://mutual.example.org/confirm-email#token=abc&next=%2F";

describe("emails", () => {
  const all = {
    confirm: confirmSignUpEmail(link),
    existingAccount: existingAccountEmail("https://mutual.example.org/sign-in", "https://mutual.example.org/forgot-password"),
    passwordReset: passwordResetEmail("https://mutual.example.org/reset-password#token"),
    practiceAdmin: practiceInvitationEmail("Harbour Counselling", "admin", "https://mutual.example.org/practice/join/i1"),
    practiceCounsellor: practiceInvitationEmail("Harbour Counselling", "counsellor", "https://mutual.example.org/practice/join/i1"),
  };

  it("are written at the items' reading level, subject and body alike", () => {
    const texts: Record<string, string> = {};
    for (const [name, email] of Object.entries(all)) {
      texts[`${name} subject`] = email.subject;
      texts[`${name} body`] = email.text;
    }
    expect(textsAboveGrade(texts)).toEqual({});
  });

  it("each carries its one link and says what to do if it was not you", () => {
    expect(all.confirm.text).toContain(link);
    expect(all.passwordReset.text).toContain("https://mutual.example.org/reset-password#token");
    for (const email of Object.values(all)) expect(email.text).toMatch(/ignore this message/);
  });
});
