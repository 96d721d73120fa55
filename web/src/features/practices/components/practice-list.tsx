import { useEffect } from "react";
import { Link, useLocation } from "react-router";
import { useTranslation } from "react-i18next";
import { useExercises } from "../../../lib/api/exercises-api";
import { ExerciseCard } from "./exercise-card";
import { PRACTICE_ORDER } from "./practice-labels";
import { Loading } from "../../../components/loading";
import { LoadError } from "../../../components/load-error";

/** The three practices and their exercises; suggestions first, held-back ones shown as paused. */
export function PracticeList() {
  const { t } = useTranslation();
  const exercises = useExercises();
  const { hash } = useLocation();
  const isLoaded = Boolean(exercises.data);

  // A link such as /practices#practice-friends-family (from a trend signal) lands on that practice.
  useEffect(() => {
    if (!isLoaded || !hash) return;
    document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: "start" });
  }, [isLoaded, hash]);
  if (exercises.isPending) {
    return <Loading />;
  }
  if (exercises.isError) {
    return <LoadError message={t("practices.loadError")} retryLabel={t("practices.retry")} query={exercises} />;
  }
  const all = exercises.data.exercises;
  const suggested = all.filter((exercise) => exercise.isSuggested && !exercise.isHeldBack);
  const hasHeldBack = all.some((exercise) => exercise.isHeldBack);
  return (
    <>
      {hasHeldBack && (
        <div className="alert alert--info practices__paused-note">
          <p className="alert__text">{t("practices.pausedNote")}</p>
          <p className="alert__text">
            <Link to="/help">{t("practices.pausedNoteLink")}</Link>
          </p>
        </div>
      )}
      {suggested.length > 0 && (
        <section aria-labelledby="practices-suggested" className="practices__suggested">
          <h2 id="practices-suggested">{t("practices.suggestedTitle")}</h2>
          <p>{t("practices.suggestedIntro")}</p>
          <ul className="exercise-list">
            {suggested.map((exercise) => (
              <ExerciseCard key={exercise.id} exercise={exercise} showReason />
            ))}
          </ul>
        </section>
      )}
      {PRACTICE_ORDER.map((practice) => {
        // Within a practice: suggestions first, then the rest, paused ones last.
        const inPractice = all
          .filter((exercise) => exercise.practice === practice)
          .sort((a, b) => Number(a.isHeldBack) - Number(b.isHeldBack) || Number(b.isSuggested) - Number(a.isSuggested));
        if (inPractice.length === 0) return null;
        return (
          <section key={practice} id={`practice-${practice}`} aria-labelledby={`practice-${practice}-title`} className="practice">
            <h2 id={`practice-${practice}-title`}>{t(`practices.practice.${practice}.title`)}</h2>
            <p className="muted">{t(`practices.practice.${practice}.description`)}</p>
            <ul className="exercise-list">
              {inPractice.map((exercise) => (
                <ExerciseCard key={exercise.id} exercise={exercise} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
