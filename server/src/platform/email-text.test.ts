import { describe, expect, it } from "vitest";
import { checkCatalogues, languageCodes } from "@mutual/core";
import { sensitiveWordsIn as sensitiveIn } from "../../test/neutral-words.js";
import { emailText } from "./email-text.js";
import { emailSubjectsIn, requestNoticeEmail, signUpConfirmationEmail, weeklyReminderEmail } from "./email-templates.js";

describe("the emails' words in four languages", () => {
  it("has every line of every email, reminder and calendar event in Chinese, Malay and Tamil", () => {
    expect(checkCatalogues(emailText)).toEqual([]);
  });

  it("keeps the weekly reminder and a request's notice neutral in every language", () => {
    for (const language of languageCodes) {
      const weekly = weeklyReminderEmail({
        openUrl: "https://mutual.example.org/check-in",
        settingsUrl: "https://mutual.example.org/account/reminders",
        language,
      });
      const notice = requestNoticeEmail({ openUrl: "https://mutual.example.org/", isReminder: true, language });
      const subjects = emailSubjectsIn(language);
      // Our words only: the links name the operator's host, whatever it is.
      const words = (text: string) =>
        text
          .split("\n")
          .filter((line) => !line.startsWith("https://"))
          .join("\n");
      for (const text of [
        weekly.subject,
        words(weekly.text),
        notice.subject,
        words(notice.text),
        subjects.requestNotice,
        emailText[language]?.["calendar.title"] ?? "",
      ]) {
        expect(text, `${language}: ${text}`).not.toMatch(sensitiveIn[language]);
      }
      // A push shows at most 60 characters of title (web/service-worker.js).
      for (const title of [subjects.weeklyReminder, subjects.requestNotice, subjects.requestReminder]) expect(title.length).toBeLessThanOrEqual(60);
    }
  });

  it("says a Tamil email in Tamil and marks its language, keeping the link on a line of its own", () => {
    const email = signUpConfirmationEmail({ confirmUrl: "https://mutual.example.org/sign-up/confirm#abc", language: "ta" });
    expect(email.language).toBe("ta");
    expect(email.subject).toBe("Mutual-க்கான உங்கள் மின்னஞ்சலை உறுதிசெய்யுங்கள்");
    expect(email.text.split("\n")).toContain("https://mutual.example.org/sign-up/confirm#abc");
    expect(signUpConfirmationEmail({ confirmUrl: "https://mutual.example.org/x" }).language).toBe("en");
  });
});
