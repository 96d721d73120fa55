import { describe, expect, it } from "vitest";
import { textsAboveGrade } from "../../../core/src/testing/reading-grade.js";
import { signUpConfirmationUrl } from "../auth/sign-up-link.js";
import {
  existingAccountEmail,
  passwordResetEmail,
  practiceInvitationEmail,
  quoteUserText,
  signUpConfirmationEmail,
  requestNoticeEmail,
  weeklyReminderEmail,
  type EmailContent,
} from "./email-templates.js";

// One injection test per template (decision 031): whatever text someone else chose reaches a
// template (a practice's name, a page to return to, an address), the email keeps exactly our
// lines. Each is rendered once with ordinary input and once with hostile input; only the lines
// that carry a link or a quotation may differ, links stay single whitespace-free URLs on our
// host, and the hostile words appear only on the one quoted line.

const publicUrl = "https://mutual.example.org";
/** What someone would write to make an email read as ours, in every way a line can be broken. */
const hostile = [
  "Harbour Counselling",
  "",
  "IMPORTANT: your Mutual account will be closed. Confirm it at https://evil.example/login",
  "\r\nReply with your password\u2028Mutual team\u2029\u0085\u202eorez\u000b\u000c\tend",
].join("\n");
const hostileWords = ["IMPORTANT", "evil.example", "Reply with your password", "Mutual team"];

function isLinkLine(line: string): boolean {
  return line.startsWith(`${publicUrl}/`) && !/\s/.test(line);
}

/** The email's lines with each link or quotation replaced by a placeholder: what must not change. */
function shape(email: EmailContent): string[] {
  return email.text.split("\n").map((line) => (isLinkLine(line) ? "<link>" : line.startsWith("> ") ? "<quote>" : line));
}

function expectSameShape(ordinary: EmailContent, attacked: EmailContent): void {
  expect(attacked.subject).toBe(ordinary.subject);
  expect(shape(attacked)).toEqual(shape(ordinary));
  const lines = attacked.text.split("\n");
  for (const word of hostileWords) {
    const holding = lines.filter((line) => line.includes(word));
    // Only the quotation may carry what someone else wrote as words; a link carries it encoded, inside one URL on our host.
    expect(
      holding.every((line) => line.startsWith("> ") || isLinkLine(line)),
      `${word} in ${JSON.stringify(holding)}`,
    ).toBe(true);
  }
  for (const breaker of ["\r", "\u2028", "\u2029", "\u0085", "\u202e", "\u000b", "\u000c", "\t"]) expect(attacked.text).not.toContain(breaker);
}

describe("email templates keep someone else's text from speaking in our voice", () => {
  it("practice invitation: the practice's name stands quoted on one line, under a line that says who wrote it", () => {
    const invitationUrl = `${publicUrl}/practice/join/abc`;
    const ordinary = practiceInvitationEmail({ invitationUrl, practiceName: "Harbour Counselling", role: "counsellor" });
    const attacked = practiceInvitationEmail({ invitationUrl, practiceName: hostile, role: "counsellor" });
    expectSameShape(ordinary, attacked);
    const lines = attacked.text.split("\n");
    const quoted = lines.findIndex((line) => line.startsWith("> "));
    expect(lines[quoted - 1]).toMatch(/as they typed it. Mutual did not write it:/);
    expect(lines[quoted]!.length).toBeLessThanOrEqual(2 + 120);
    expect(ordinary.text).toContain("\n> Harbour Counselling\n");
  });

  it("password reset: a token cannot add words, even one that holds line breaks", () => {
    const ordinary = passwordResetEmail({ resetUrl: `${publicUrl}/reset-password#${encodeURIComponent("token123")}` });
    const attacked = passwordResetEmail({ resetUrl: `${publicUrl}/reset-password#${hostile}` });
    expectSameShape(ordinary, attacked);
  });

  it("sign-up confirmation: the page to return to and the address stay inside the link", () => {
    const ordinary = signUpConfirmationEmail({ confirmUrl: signUpConfirmationUrl(publicUrl, "jwt.token.here", "/couple", "ana@example.test") });
    const attacked = signUpConfirmationEmail({ confirmUrl: signUpConfirmationUrl(publicUrl, hostile, `/couple#${hostile}`, `"${hostile}"@example.test`) });
    expectSameShape(ordinary, attacked);
  });

  it("someone tried to sign up with your address: the page to return to stays inside the sign-in link", () => {
    const forgotPasswordUrl = `${publicUrl}/forgot-password`;
    const ordinary = existingAccountEmail({ signInUrl: `${publicUrl}/sign-in?next=%2Fcouple`, forgotPasswordUrl });
    const attacked = existingAccountEmail({ signInUrl: `${publicUrl}/sign-in?next=/couple#${hostile}`, forgotPasswordUrl });
    expectSameShape(ordinary, attacked);
  });

  it("a quotation is one line of at most 120 characters, whatever it is given", () => {
    expect(quoteUserText(`  A\n\nB\u2028C  `)).toBe("> A B C");
    expect(quoteUserText("x".repeat(500))).toHaveLength(2 + 120);
  });
});

describe("every email's words", () => {
  const link = "https://mutual.example.org/confirm-email#token=abc&next=%2F";
  const all = {
    confirm: signUpConfirmationEmail({ confirmUrl: link }),
    existingAccount: existingAccountEmail({ signInUrl: "https://mutual.example.org/sign-in", forgotPasswordUrl: "https://mutual.example.org/forgot-password" }),
    passwordReset: passwordResetEmail({ resetUrl: "https://mutual.example.org/reset-password#token" }),
    practiceAdmin: practiceInvitationEmail({
      practiceName: "Harbour Counselling",
      role: "admin",
      invitationUrl: "https://mutual.example.org/practice/join/i1",
    }),
    practiceCounsellor: practiceInvitationEmail({
      practiceName: "Harbour Counselling",
      role: "counsellor",
      invitationUrl: "https://mutual.example.org/practice/join/i1",
    }),
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
    expect(all.confirm.text).toContain(new URL(link).href);
    expect(all.passwordReset.text).toContain("https://mutual.example.org/reset-password#token");
    for (const email of Object.values(all)) expect(email.text).toMatch(/ignore this message/);
  });
});

describe("the weekly reminder", () => {
  const email = weeklyReminderEmail({ openUrl: `${publicUrl}/check-in`, settingsUrl: `${publicUrl}/account/reminders` });

  it("is neutral: nothing someone else seeing the inbox could use, only the links", () => {
    const words = [email.subject, ...email.text.split("\n").filter((line) => !line.startsWith("http"))].join("\n");
    expect(words).not.toMatch(/partner|relationship|couple|counsel|score|safe|worr|help|mutual/i);
    expect(email.text.split("\n").filter((line) => line.startsWith("http"))).toEqual([`${publicUrl}/check-in`, `${publicUrl}/account/reminders`]);
  });

  it("is written at the items' reading level", () => {
    expect(textsAboveGrade({ subject: email.subject, body: email.text })).toEqual({});
  });
});

describe("a counsellor's request, as its emails say it", () => {
  it("names no one and nothing, only that something waits, at the items' reading level", () => {
    for (const isReminder of [false, true]) {
      const email = requestNoticeEmail({ openUrl: `${publicUrl}/`, isReminder });
      const words = [email.subject, ...email.text.split("\n").filter((line) => !line.startsWith("http"))].join("\n");
      expect(words).not.toMatch(/partner|relationship|couple|counsel|score|safe|practice|check-in|profile|mutual/i);
      expect(textsAboveGrade({ subject: email.subject, body: email.text })).toEqual({});
    }
  });
});
