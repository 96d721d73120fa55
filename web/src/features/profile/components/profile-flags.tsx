import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { FlagCard } from "../../../components/flag-card";
import { DIRECTORY_PATH } from "../../../lib/paths";
import type { ProfileView } from "../../../lib/api/profile-api";
import { SharingSummary } from "../../../components/sharing/sharing-summary";
import { WhoCanSee } from "../../../components/sharing/who-can-see";

type Flag = ProfileView["flags"][number];

/** The counselling suggestions worded under a flag (safety resources have their own private box). */
export function isCounsellingSuggestion(counselling: Flag["counselling"]): counselling is "individual" | "own-or-together" | "relationship" {
  return counselling === "individual" || counselling === "own-or-together" || counselling === "relationship";
}

/** Flags that belong in the private safety box rather than in the list. */
export function isSafetyFlag(flag: Flag) {
  return flag.id === "safety" || flag.counselling === "safety-resources";
}

/** Warning signs with why they showed up, what to practise, and a kind nudge toward counselling when it would help. */
export function ProfileFlags({ flags }: { flags: readonly Flag[] }) {
  const { t } = useTranslation();
  const shown = flags.filter((flag) => !isSafetyFlag(flag));
  return (
    <section aria-labelledby="flags-title" className="card">
      <h2 id="flags-title">{t("profile.flagsTitle")}</h2>
      {shown.length === 0 ? (
        <p>{t("profile.flagsNone")}</p>
      ) : (
        <>
          <p className="muted">{t("profile.flagsIntro")}</p>
          <ul className="flag-list">
            {shown.map((flag) => (
              <FlagCard
                key={flag.id}
                title={flag.title}
                severity={flag.severity}
                severityLabel={t(`profile.severity.${flag.severity}`)}
                explanation={flag.explanation}
                whatToDo={t("profile.flagWhatToDo")}
                practiceLink={<Link to="/practices">{t("profile.flagPractice", { practice: t(`profile.practiceNames.${flag.practice}`) })}</Link>}
                counsellingText={isCounsellingSuggestion(flag.counselling) ? t(`profile.counselling.${flag.counselling}`) : undefined}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** A calm, private box pointing to confidential help, shown only to the person themself. */
export function SafetyResources({ holdsBackJointExercises }: { holdsBackJointExercises: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="safety-title" className="card safety-box">
      <h2 id="safety-title">{t("profile.safetyTitle")}</h2>
      <p>{t("profile.safetyBody")}</p>
      <p>
        <Link to="/help" className="button button--secondary">
          {t("profile.safetyLink")}
        </Link>
      </p>
      <p>
        <Link to={`${DIRECTORY_PATH}?only=individual`}>{t("counselling.directory.askLinkIndividual")}</Link>
      </p>
      {holdsBackJointExercises && <p>{t("profile.safetyHeldBack")}</p>}
      <WhoCanSee subject="safety-check" />
      <p>{t("profile.safetyReview")}</p>
      <SharingSummary />
      <p>
        <Link to="/account/data-views">{t("profile.safetyDataViews")}</Link>
      </p>
    </section>
  );
}

/** A gentle word, to the person alone, when every safety question was skipped: no verdict, just where help is. */
export function SkippedSafetyCheck() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="safety-skipped-title" className="card safety-box">
      <h2 id="safety-skipped-title">{t("profile.safetySkippedTitle")}</h2>
      <p>{t("profile.safetySkippedBody")}</p>
      <p>
        <Link to="/help">{t("profile.safetyLink")}</Link>
      </p>
      <WhoCanSee subject="safety-check" />
    </section>
  );
}
