import { useTranslation } from "react-i18next";
import type { ProfileView } from "../../../lib/api/profile-api";

type Dimension = ProfileView["dimensions"][number];

const GROUPS = [
  { axis: "we", heading: "profile.groupWe" },
  { axis: "me", heading: "profile.groupMe" },
  { axis: "risk", heading: "profile.groupRisk" },
] as const;

/** The seven scores, grouped by axis, each with its number in text, a plain summary and the answers behind it. */
export function DimensionScores({ dimensions }: { dimensions: ProfileView["dimensions"] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="dimensions-title" className="card">
      <h2 id="dimensions-title">{t("profile.dimensionsTitle")}</h2>
      <p className="muted">{t("profile.dimensionsIntro")}</p>
      {GROUPS.map((group) => {
        const members = dimensions.filter((dimension) => dimension.axis === group.axis);
        if (members.length === 0) return null;
        return (
          <div key={group.axis} className={`dimension-group dimension-group--${group.axis}`}>
            <h3>{t(group.heading)}</h3>
            <ul className="dimension-list">
              {members.map((dimension) => (
                <DimensionScore key={dimension.code} dimension={dimension} />
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

function DimensionScore({ dimension }: { dimension: Dimension }) {
  const { t } = useTranslation();
  const score = dimension.score === null ? null : Math.round(dimension.score);
  return (
    <li className="dimension">
      <div className="dimension__head">
        <h4 className="dimension__name">{dimension.name}</h4>
        <p className="dimension__score">{score === null ? t("profile.scoreMissing") : t("profile.scoreOutOf", { score })}</p>
      </div>
      {score !== null && (
        <svg className="dimension__bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          <rect className="dimension__track" x="0" y="0" width="100" height="8" rx="4" />
          <rect className={`dimension__fill dimension__fill--${dimension.axis}`} x="0" y="0" width={Math.max(2, score)} height="8" rx="4" />
        </svg>
      )}
      <p>{dimension.summary}</p>
      {dimension.missingMessage && <p className="muted">{dimension.missingMessage}</p>}
      {(dimension.drivers.length > 0 || dimension.explanation) && (
        <details className="dimension__why">
          <summary>{t("profile.why")}</summary>
          {dimension.drivers.length > 0 ? (
            <>
              <p>{t("profile.whyIntro")}</p>
              <ul>
                {dimension.drivers.map((driver) => (
                  <li key={driver.itemId}>
                    {t(driver.direction === "raised" ? "profile.driverRaised" : "profile.driverLowered", { text: driver.text, answer: driver.answerLabel })}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{dimension.explanation}</p>
          )}
        </details>
      )}
    </li>
  );
}
