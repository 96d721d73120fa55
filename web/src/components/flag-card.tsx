import type { ReactNode } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { COUNSELLING_HELP_PATH, DIRECTORY_PATH } from "../lib/paths";

/**
 * One warning sign, the same on a person's profile and a couple's report: what it is, why it
 * showed up, the practice that helps, and, when it would help, a kind nudge toward counselling.
 * The caller words each part (the two pages speak to different readers).
 */
export function FlagCard({
  title,
  severity,
  severityLabel,
  explanation,
  whatToDo,
  practiceLink,
  counsellingText,
}: {
  title: string;
  severity: string;
  severityLabel?: string;
  explanation: string;
  whatToDo?: string;
  practiceLink: ReactNode;
  counsellingText?: string;
}) {
  const { t } = useTranslation();
  return (
    <li className={`flag flag--${severity}`}>
      <h3 className="flag__title">{title}</h3>
      {severityLabel && <p className="flag__severity">{severityLabel}</p>}
      <p>{explanation}</p>
      {whatToDo && <h4>{whatToDo}</h4>}
      <p>{practiceLink}</p>
      {counsellingText && (
        <div className="flag__counselling">
          <p>{counsellingText}</p>
          <p>
            <Link to={COUNSELLING_HELP_PATH}>{t("profile.counsellingLink")}</Link>
          </p>
          <p>
            <Link to={DIRECTORY_PATH}>{t("counselling.directory.askLink")}</Link>
          </p>
        </div>
      )}
    </li>
  );
}
