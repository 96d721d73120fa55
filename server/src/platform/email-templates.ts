// Every email Mutual sends, worded in one place (decision 031), in words held to the items' reading
// level (grade 8, decision 034; email-templates.test.ts): what happened, the one link to follow, and
// what to do if it was not you. Each template takes only what it needs and returns the subject and
// plain text; the caller chooses the recipient and the moment. No template carries a person's
// answers, scores or notes, or the name of anyone's partner or client. Text that someone other than us wrote
// (a practice's name) is never part of our sentences: it stands on a line of its own, marked as
// quoted, under a line that says who wrote it, so a name shaped like a message cannot pass for one.
// Every template speaks one of Mutual's languages (decision 083): its words come from email-text.ts,
// and the language goes with the content, so the mailer can mark the message (Content-Language).

import { flattenToOneLine, textIn, type Language } from "@mutual/core";
import { emailText } from "./email-text.js";

export type EmailContent = { subject: string; text: string; language: Language };

/** Which language a template speaks: English when the caller has none to give. */
type InLanguage = { language?: Language };

/** Subjects (in English) the tests and the outbox helpers look for; `emailSubjectsIn` gives them in another language. */
export const emailSubjects = {
  confirm: emailText.en["confirm.subject"],
  existingAccount: emailText.en["existing.subject"],
  passwordReset: emailText.en["reset.subject"],
  practiceInvitation: emailText.en["invite.subject"],
  weeklyReminder: emailText.en["weekly.subject"],
  requestNotice: emailText.en["request.subject"],
  requestReminder: emailText.en["request.reminderSubject"],
} as const;

/** The same subjects in a language. */
export function emailSubjectsIn(language: Language): Record<keyof typeof emailSubjects, string> {
  const say = textIn(emailText, language);
  return {
    confirm: say("confirm.subject"),
    existingAccount: say("existing.subject"),
    passwordReset: say("reset.subject"),
    practiceInvitation: say("invite.subject"),
    weeklyReminder: say("weekly.subject"),
    requestNotice: say("request.subject"),
    requestReminder: say("request.reminderSubject"),
  };
}

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
export function practiceInvitationEmail(input: { invitationUrl: string; practiceName: string; role: "admin" | "counsellor" } & InLanguage): EmailContent {
  const language = input.language ?? "en";
  const say = textIn(emailText, language);
  return {
    subject: say("invite.subject"),
    language,
    text: [
      say("hello"),
      "",
      say(input.role === "admin" ? "invite.asAdmin" : "invite.asCounsellor"),
      say("invite.quoted"),
      quoteUserText(input.practiceName),
      "",
      say("invite.accept"),
      linkLine(input.invitationUrl),
      "",
      say("invite.lasts"),
    ].join("\n"),
  };
}

/** The link that chooses a new password; its token rides in the fragment (decision 020). */
export function passwordResetEmail(input: { resetUrl: string } & InLanguage): EmailContent {
  const language = input.language ?? "en";
  const say = textIn(emailText, language);
  return {
    subject: say("reset.subject"),
    language,
    text: [say("hello"), "", say("reset.body"), linkLine(input.resetUrl), "", say("reset.once"), say("reset.notYou")].join("\n"),
  };
}

/** The link that finishes a sign-up (or confirms an address) together with the password (decision 020). */
export function signUpConfirmationEmail(input: { confirmUrl: string } & InLanguage): EmailContent {
  const language = input.language ?? "en";
  const say = textIn(emailText, language);
  return {
    subject: say("confirm.subject"),
    language,
    text: [say("hello"), "", say("confirm.body"), linkLine(input.confirmUrl), "", say("confirm.footer")].join("\n"),
  };
}

/** To the owner of an address someone tried to sign up with (decision 020). */
export function existingAccountEmail(input: { signInUrl: string; forgotPasswordUrl: string } & InLanguage): EmailContent {
  const language = input.language ?? "en";
  const say = textIn(emailText, language);
  return {
    subject: say("existing.subject"),
    language,
    text: [
      say("hello"),
      "",
      say("existing.body"),
      "",
      say("existing.ifYou"),
      linkLine(input.signInUrl),
      "",
      say("existing.forgot"),
      linkLine(input.forgotPasswordUrl),
      "",
      say("existing.notYou"),
    ].join("\n"),
  };
}

/**
 * The weekly reminder the person asked for (issue 17). Its words are neutral on purpose: an inbox
 * or a lock screen may be seen by someone else, so it names no partner, relationship, counsellor,
 * score or safety, and carries nothing but the link. Stopping it is one click in the mail reader
 * (the List-Unsubscribe header, RFC 8058) or the settings page.
 */
export function weeklyReminderEmail(input: { openUrl: string; settingsUrl: string } & InLanguage): EmailContent {
  const language = input.language ?? "en";
  const say = textIn(emailText, language);
  return {
    subject: say("weekly.subject"),
    language,
    text: [say("weekly.open"), linkLine(input.openUrl), "", say("weekly.settings"), linkLine(input.settingsUrl)].join("\n"),
  };
}

/**
 * A counsellor's request reached the person (decision 047), or its one reminder. As neutral as the
 * weekly reminder: it does not say who asked or what for, only that something waits behind the link.
 */
export function requestNoticeEmail(input: { openUrl: string; isReminder: boolean } & InLanguage): EmailContent {
  const language = input.language ?? "en";
  const say = textIn(emailText, language);
  return {
    subject: say(input.isReminder ? "request.reminderSubject" : "request.subject"),
    language,
    text: [say("request.open"), linkLine(input.openUrl)].join("\n"),
  };
}
