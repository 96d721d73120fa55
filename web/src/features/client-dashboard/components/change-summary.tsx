import { useTranslation } from "react-i18next";
import type { ChangeClassView, DashboardMember } from "@mutual/core";

type ChangeScores = NonNullable<NonNullable<DashboardMember["profile"]>["change"]>["scores"];

const ORDER: readonly ChangeClassView[] = ["improved", "deteriorated", "no-reliable-change"];

/** "2 improved, 1 deteriorated" in words; the area by area classification opens beneath it. */
export function ChangeSummary({ scores }: { scores: ChangeScores }) {
  const { t } = useTranslation();
  if (scores.length === 0) return <>{t("clientDashboard.changeNoScores")}</>;
  const summary = ORDER.flatMap((classification) => {
    const count = scores.filter((score) => score.classification === classification).length;
    return count === 0 ? [] : [t(`clientDashboard.change.${classification}`, { count })];
  }).join(", ");
  return (
    <details className="change-summary">
      <summary>{summary}</summary>
      <ul>
        {scores.map((score) => (
          <li key={score.key}>
            {t("clientDashboard.changeDetail", { area: t(`profile.changeKeys.${score.key}`), word: t(`clientDashboard.changeWord.${score.classification}`) })}
          </li>
        ))}
      </ul>
    </details>
  );
}
