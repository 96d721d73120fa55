// Every email Mutual sends, in words held to the items' reading level (grade 8, emails.test.ts):
// what happened, the one link to follow, and what to do if it was not you. No answer, score or
// name of anyone's partner or client is ever in an email.

export type EmailContent = { subject: string; text: string };

/** Subjects the tests and the e2e outbox readers look for. */
export const emailSubjects = {
  confirm: "Please confirm your email for Mutual",
  existingAccount: "Someone tried to sign up to Mutual with your email",
  passwordReset: "Set a new password for Mutual",
  practiceInvitation: "You are invited to join a practice on Mutual",
} as const;

const lines = (...parts: string[]) => parts.join("\n");

/** The link that finishes sign-up (decision 020). */
export function confirmSignUpEmail(link: string): EmailContent {
  return {
    subject: emailSubjects.confirm,
    text: lines(
      "Hello,",
      "",
      "Please confirm that this is your email address. If you have just signed up, this also finishes your Mutual account. Open this link and enter the password you chose:",
      link,
      "",
      "The link works once, within a day. If you did not try to make a Mutual account, you can ignore this message.",
    ),
  };
}

/** To the owner of an address someone tried to sign up with: nothing changed, and the ways in. */
export function existingAccountEmail(signInUrl: string, forgotPasswordUrl: string): EmailContent {
  return {
    subject: emailSubjects.existingAccount,
    text: lines(
      "Hello,",
      "",
      "Someone just tried to make a Mutual account with this email address. It already has one. Nothing about your account has changed.",
      "",
      "If it was you, sign in instead:",
      signInUrl,
      "",
      "If you do not know your password, or never finished making the account, choose a new one here:",
      forgotPasswordUrl,
      "",
      "If it was not you, you can ignore this message.",
    ),
  };
}

/** The password reset link; the token rides in the fragment, so no server log sees it. */
export function passwordResetEmail(url: string): EmailContent {
  return {
    subject: emailSubjects.passwordReset,
    text: lines(
      "Hello,",
      "",
      "Someone asked to reset the password of the Mutual account with this email address. To choose a new password, open this link:",
      url,
      "",
      "The link works once, within an hour. A new password signs you out everywhere.",
      "If you did not ask for this, you can ignore this message. Your password stays as it is.",
    ),
  };
}

/** A colleague's invitation to a practice: names the practice and the role, nothing about anyone's clients. */
export function practiceInvitationEmail(practiceName: string, role: "admin" | "counsellor", url: string): EmailContent {
  return {
    subject: emailSubjects.practiceInvitation,
    text: lines(
      "Hello,",
      "",
      `You are invited to join the practice "${practiceName}" on Mutual as ${role === "admin" ? "an admin" : "a counsellor"}.`,
      "To accept, sign in or make an account with this email address. Then open this link:",
      url,
      "",
      "The invitation lasts seven days. If you did not expect it, you can ignore this message.",
    ),
  };
}
