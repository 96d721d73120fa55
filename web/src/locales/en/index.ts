import common from "./common.json";
import assessment from "../../features/assessment/locales/en.json";
import checkIn from "../../features/check-in/locales/en.json";
import consent from "../../features/consent/locales/en.json";
import couple from "../../features/couple/locales/en.json";
import dataExport from "../../features/data-export/locales/en.json";
import dataViews from "../../features/data-views/locales/en.json";
import help from "../../features/help/locales/en.json";
import practices from "../../features/practices/locales/en.json";
import profile from "../../features/profile/locales/en.json";
import trends from "../../features/trends/locales/en.json";
import twoFactor from "../../features/two-factor/locales/en.json";
import counsellingPractice from "../../features/counselling-practice/locales/en.json";
import counselling from "../../features/counselling/locales/en.json";
import practiceReport from "../../features/practice-report/locales/en.json";
import practicePsychometrics from "../../features/practice-psychometrics/locales/en.json";
import clientDashboard from "../../features/client-dashboard/locales/en.json";
import inviteCode from "../../components/invite-code/locales/en.json";
import passwordReset from "../../features/auth/locales/en.json";
import signUpEmail from "../../features/auth/locales/sign-up.en.json";
import sharing from "../../components/sharing/locales/en.json";
import reminders from "../../features/reminders/locales/en.json";
import progress from "../../features/progress/locales/en.json";
import clientRequests from "../../features/client-requests/locales/en.json";
import inviteLanding from "../../features/invite-landing/locales/en.json";

// The English catalogue: shared text, plus one catalogue per feature under its own
// top-level key (kept beside the feature, e.g. features/check-in/locales/en.json), so
// features never edit each other's text.
export const en = {
  ...common,
  assessment,
  consent,
  profile,
  checkIn,
  dataExport,
  help,
  practices,
  trends,
  couple,
  dataViews,
  twoFactor,
  counsellingPractice,
  counselling,
  practiceReport,
  practicePsychometrics,
  clientDashboard,
  inviteCode,
  passwordReset,
  signUpEmail,
  sharing,
  reminders,
  progress,
  clientRequests,
  inviteLanding,
};
