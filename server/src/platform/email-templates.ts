// Every email Mutual sends, worded in one place (decision 031), in words held to the items' reading
// level (grade 8, decision 034; email-templates.test.ts): what happened, the one link to follow, and
// what to do if it was not you. Each template takes only what it needs and returns the subject and
// plain text; the caller chooses the recipient and the moment. No template carries a person's
// answers, scores or notes, or the name of anyone's partner or client. Text that someone other than us wrote
// (a practice's name) is never part of our sentences: it stands on a line of its own, marked as
// quoted, under a line that says who wrote it, so a name shaped like a message cannot pass for one.

import { flattenToOneLine } from "@mutual/core";

export type EmailContent = { subject: string; text: string };

/** Subjects the tests and the outbox helpers look for. */
export const emailSubjects = {
  confirm: "Please confirm your email for Mutual",
  existingAccount: "Someone tried to sign up to Mutual with your email",
  passwordReset: "Set a new password for Mutual",
  practiceInvitation: "You are invited to join a practice on Mutual",
  weeklyReminder: "Your weekly moment is ready",
  requestNotice: "Something is waiting for you",
  requestReminder: "A reminder: something is waiting for you",
} as const;

/** The longest quoted text kept; longer is cut (names are shorter by rule: this is the last line of defence). */
const quotedMaxLength = 120;

/**
 * Someone else's words, set apart: one line beginning with "> ", the mark mail readers show as a
 * quotation. Whatever reaches here is flattened to that one line, even if a stored name predates
 * the rule that refuses line breaks.
 */
export function quoteUserText(text: string): string {
  // The same characters the name rule refuses (core's chosenNameProblem), then runs of spaces.
  const oneLine = flattenToOneLine(text).replace(/\s+/g, " ").trim();
  const cut = oneLine.length > quotedMaxLength ? `${oneLine.slice(0, quotedMaxLength - 1)}…` : oneLine;
  return `> ${cut}`;
}

/**
 * A link on a line of its own, as the URL parser writes it: no whitespace or line break can
 * survive it, so a link never carries words into the email, whatever path or fragment it was
 * built from. Throws on a string that is not a URL: every link here is built by our code.
 */
function linkLine(url: string): string {
  return new URL(url).href;
}

/** Sent by the organization plugin when an owner or admin invites a colleague. */
export function practiceInvitationEmail(input: { invitationUrl: string; practiceName: string; role: "admin" | "counsellor" }): EmailContent {
  return {
    subject: emailSubjects.practiceInvitation,
    text: [
      "Hello,",
      "",
      `Someone has asked you to join a practice on Mutual as ${input.role === "admin" ? "an admin" : "a counsellor"}.`,
      "Here is the name of the practice, as they typed it. Mutual did not write it:",
      quoteUserText(input.practiceName),
      "",
      "To accept, sign in or make an account with this email address. Then open this link:",
      linkLine(input.invitationUrl),
      "",
      "The invitation lasts seven days. If you did not expect it, you can ignore this message.",
    ].join("\n"),
  };
}

/** The link that chooses a new password; its token rides in the fragment (decision 020). */
export function passwordResetEmail(input: { resetUrl: string }): EmailContent {
  return {
    subject: emailSubjects.passwordReset,
    text: [
      "Hello,",
      "",
      "Someone asked to reset the password of the Mutual account with this email address. To choose a new password, open this link:",
      linkLine(input.resetUrl),
      "",
      "The link works once, within an hour. A new password signs you out everywhere.",
      "If you did not ask for this, you can ignore this message. Your password stays as it is.",
    ].join("\n"),
  };
}

/** The link that finishes a sign-up (or confirms an address) together with the password (decision 020). */
export function signUpConfirmationEmail(input: { confirmUrl: string }): EmailContent {
  return {
    subject: emailSubjects.confirm,
    text: [
      "Hello,",
      "",
      "Please confirm that this is your email address. If you have just signed up, this also finishes your Mutual account. Open this link and enter the password you chose:",
      linkLine(input.confirmUrl),
      "",
      "The link works once, within a day. If you did not try to make a Mutual account, you can ignore this message.",
    ].join("\n"),
  };
}

/** To the owner of an address someone tried to sign up with (decision 020). */
export function existingAccountEmail(input: { signInUrl: string; forgotPasswordUrl: string }): EmailContent {
  return {
    subject: emailSubjects.existingAccount,
    text: [
      "Hello,",
      "",
      "Someone just tried to make a Mutual account with this email address. It already has one. Nothing about your account has changed.",
      "",
      "If it was you, sign in instead:",
      linkLine(input.signInUrl),
      "",
      "If you do not know your password, or never finished making the account, choose a new one here:",
      linkLine(input.forgotPasswordUrl),
      "",
      "If it was not you, you can ignore this message.",
    ].join("\n"),
  };
}

/**
 * The weekly reminder the person asked for (issue 17). Its words are neutral on purpose: an inbox
 * or a lock screen may be seen by someone else, so it names no partner, relationship, counsellor,
 * score or safety, and carries nothing but the link. Stopping it is one click in the mail reader
 * (the List-Unsubscribe header, RFC 8058) or the settings page.
 */
export function weeklyReminderEmail(input: { openUrl: string; settingsUrl: string }): EmailContent {
  return {
    subject: emailSubjects.weeklyReminder,
    text: ["Your weekly moment is ready:", linkLine(input.openUrl), "", "To change or stop these emails:", linkLine(input.settingsUrl)].join("\n"),
  };
}

/**
 * A counsellor's request reached the person (decision 047), or its one reminder. As neutral as the
 * weekly reminder: it does not say who asked or what for, only that something waits behind the link.
 */
export function requestNoticeEmail(input: { openUrl: string; isReminder: boolean }): EmailContent {
  return {
    subject: input.isReminder ? emailSubjects.requestReminder : emailSubjects.requestNotice,
    text: ["Something is waiting for you when you sign in:", linkLine(input.openUrl)].join("\n"),
  };
}
