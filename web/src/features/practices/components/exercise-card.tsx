import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { ExerciseView } from "@mutual/core";

/** One exercise in a list: a link in, or a quiet "paused" label when it is held back. */
export function ExerciseCard({ exercise, showReason = false }: { exercise: ExerciseView; showReason?: boolean }) {
  const { t } = useTranslation();
  const done = exercise.completions.length;
  return (
    <li className={exercise.isHeldBack ? "exercise-card exercise-card--paused" : "exercise-card"}>
      <h3 className="exercise-card__title">
        {exercise.isHeldBack ? exercise.title : <Link to={`/practices/${encodeURIComponent(exercise.id)}`}>{exercise.title}</Link>}
      </h3>
      <p className="exercise-card__summary">{exercise.summary}</p>
      {showReason && exercise.suggestionReason && <p className="exercise-card__reason">{t("practices.why", { reason: exercise.suggestionReason })}</p>}
      <p className="exercise-card__meta">
        {exercise.isHeldBack ? (
          <span className="tag tag--paused">{t("practices.paused")}</span>
        ) : (
          <>
            <span>{t("practices.minutes", { count: exercise.minutes })}</span>
            <span>{exercise.isJoint ? t("practices.joint") : t("practices.solo")}</span>
            <span>{done === 0 ? t("practices.notTried") : done === 1 ? t("practices.doneOnce") : t("practices.doneCount", { count: done })}</span>
          </>
        )}
      </p>
    </li>
  );
}
