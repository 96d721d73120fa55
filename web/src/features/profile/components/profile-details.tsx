import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { isRetakeOpen, type CurrentAssessment } from "../../../lib/api/assessment-api";
import type { PracticeId, ProfileResponse, ProfileView } from "../../../lib/api/profile-api";
import { DimensionScores } from "./dimension-scores";
import { ProfileFlags, SafetyResources, SkippedSafetyCheck } from "./profile-flags";
import { WhoCanSee } from "../../../components/sharing/who-can-see";
import { usePatternWords } from "../../../components/pattern-words";
import { WeMeMap } from "../../../components/we-me-map";
import { BelowTheFold } from "../../../components/page";
import { intlLocale } from "../../../lib/language";
import "./profile-print.css";

const ALL_PRACTICES: readonly PracticeId[] = ["speak-up", "support-passions", "friends-family"];

/** Everything the person learns from their latest profile, in the order they need it. */
export function ProfileDetails({
  profile,
  history,
  current,
}: {
  profile: ProfileView;
  history: ProfileResponse["history"];
  current: CurrentAssessment | undefined;
}) {
  const { t, i18n } = useTranslation();
  const words = usePatternWords();
  const formatDate = (value: string) => new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: "long" }).format(new Date(value));
  return (
    <>
      <p className="muted">{t("profile.completedOn", { date: formatDate(profile.completedAt) })}</p>
      <WhoCanSee subject="profile-scores" />
      {profile.safety.showResources && <SafetyResources holdsBackJointExercises={profile.safety.holdsBackJointExercises} />}
      {profile.safety.skippedCheck && <SkippedSafetyCheck />}

      <section aria-labelledby="map-title" className="card profile-map">
        <h2 id="map-title">{t("profile.mapTitle")}</h2>
        <p>{t("profile.mapIntro")}</p>
        <WeMeMap we={profile.we} me={profile.me} pattern={profile.pattern} />
      </section>

      <section aria-labelledby="pattern-title" className="card">
        <h2 id="pattern-title">{t("profile.patternTitle", { pattern: words.name(profile.pattern.code) })}</h2>
        <p>{t(`profile.patternMeaning.${profile.pattern.code}`)}</p>
        {profile.pattern.explanation && <p>{profile.pattern.explanation}</p>}
      </section>

      <BelowTheFold>
        <ProfileFlags flags={profile.flags} />

        <section aria-labelledby="practices-title" className="card">
          <h2 id="practices-title">{t("profile.practicesTitle")}</h2>
          <p className="muted">{profile.suggestedPractices.length > 0 ? t("profile.practicesIntro") : t("profile.practicesIntroAll")}</p>
          <ul className="practice-suggestions">
            {(profile.suggestedPractices.length > 0 ? profile.suggestedPractices : ALL_PRACTICES).map((practice) => (
              <li key={practice}>
                <strong>{t(`profile.practiceNames.${practice}`)}</strong>
                <br />
                {t(`profile.practiceSummaries.${practice}`)}
              </li>
            ))}
          </ul>
          <Link to="/practices" className="button button--primary">
            {t("profile.practicesLink")}
          </Link>
        </section>

        <DimensionScores dimensions={profile.dimensions} />

        <section aria-labelledby="again-title" className="card profile-again">
          <h2 id="again-title">{t("profile.againTitle")}</h2>
          <RetakeOffer current={current} />
          {history.length >= 2 && (
            <p>
              <Link to="/profile/change" className="button button--secondary">
                {t("profile.changeLink")}
              </Link>
            </p>
          )}
        </section>
      </BelowTheFold>
    </>
  );
}

/** "Take it again" once four weeks have passed; otherwise when it will be possible. */
function RetakeOffer({ current }: { current: CurrentAssessment | undefined }) {
  const { t, i18n } = useTranslation();
  if (!current) return null;
  if (current.inProgress) {
    return (
      <p>
        <Link to="/assessment" className="button button--secondary">
          {t("profile.againContinue")}
        </Link>
      </p>
    );
  }
  if (current.retakeAvailableAt && !isRetakeOpen(current.retakeAvailableAt)) {
    const date = new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: "long" }).format(new Date(current.retakeAvailableAt));
    return <p>{t("profile.againLater", { date })}</p>;
  }
  return (
    <>
      <p>{t("profile.againAvailable")}</p>
      <p>
        <Link to="/assessment" className="button button--secondary">
          {t("profile.againAction")}
        </Link>
      </p>
    </>
  );
}
