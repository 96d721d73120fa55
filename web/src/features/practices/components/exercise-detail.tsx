import { useId, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { ExerciseView } from "@mutual/core";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { Page } from "../../../components/page";
import { useConsent } from "../../../lib/api/consent-api";
import { ConsentFirst, isConsentRequired } from "../../../components/consent-first";
import { useCompleteExercise, useExerciseCompletions, useExercises } from "../../../lib/api/exercises-api";
import { Loading } from "../../../components/loading";
import { WhoCanSee } from "../../../components/sharing/who-can-see";
import { LoadError } from "../../../components/load-error";
import { intlLocale } from "../../../lib/language";

const REFLECTION_MAX_LENGTH = 4000;

function formatWhen(iso: string, language: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(intlLocale(language), { dateStyle: "medium", timeStyle: "short" }).format(date);
}

function CompletionHistory({ exerciseId }: { exerciseId: string }) {
  const { t, i18n } = useTranslation();
  const completions = useExerciseCompletions(exerciseId);
  if (completions.isPending) return null;
  if (completions.isError) return <p className="muted">{t("practices.historyError")}</p>;
  const newestFirst = [...completions.data.completions].sort((a, b) => b.completedAt.localeCompare(a.completedAt));
  if (newestFirst.length === 0) return <p className="muted">{t("practices.historyEmpty")}</p>;
  return (
    <ul className="completion-list">
      {newestFirst.map((completion) => (
        <li key={completion.id} className="completion">
          <p className="completion__date">
            <time dateTime={completion.completedAt}>{formatWhen(completion.completedAt, i18n.language)}</time>
          </p>
          <p className={completion.reflection ? "completion__reflection" : "completion__reflection muted"}>
            {completion.reflection ?? t("practices.noReflection")}
          </p>
        </li>
      ))}
    </ul>
  );
}

function CompletionForm({ exercise }: { exercise: ExerciseView }) {
  const { t } = useTranslation();
  const id = useId();
  const [reflection, setReflection] = useState("");
  const complete = useCompleteExercise(exercise.id);
  const consent = useConsent();
  const next = `/practices/${encodeURIComponent(exercise.id)}`;
  if (consent.data && !consent.data.hasConsented) return <ConsentFirst next={next} />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    complete.mutate(reflection, { onSuccess: () => setReflection("") });
  };
  return (
    <form className="form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={id} className="field__label">
          {t("practices.reflectionLabel")}
        </label>
        <p id={`${id}-hint`} className="field__hint">
          {t("practices.reflectionHint")}
        </p>
        <WhoCanSee subject="reflections" className="field__hint" id={`${id}-audience`} />
        <textarea
          id={id}
          className="field__input field__textarea"
          aria-describedby={`${id}-hint ${id}-audience`}
          rows={5}
          maxLength={REFLECTION_MAX_LENGTH}
          value={reflection}
          onChange={(event) => {
            setReflection(event.target.value);
            if (!complete.isPending) complete.reset();
          }}
        />
      </div>
      {complete.isError && (isConsentRequired(complete.error) ? <ConsentFirst next={next} /> : <Alert tone="error">{t("practices.saveError")}</Alert>)}
      {complete.isSuccess && <Alert tone="success">{t("practices.doneSaved")}</Alert>}
      <WhoCanSee subject="exercises-done" />
      <div className="actions">
        <Button type="submit" busy={complete.isPending}>
          {complete.isPending ? t("practices.saving") : t("practices.markDone")}
        </Button>
      </div>
    </form>
  );
}

/** One exercise: its steps, the reflection prompt, "Mark as done" and the past completions. */
export function ExerciseDetail({ exerciseId }: { exerciseId: string }) {
  const { t } = useTranslation();
  const exercises = useExercises();
  const back = (
    <p>
      <Link to="/practices">← {t("practices.back")}</Link>
    </p>
  );
  if (exercises.isPending) {
    return (
      <Page title={t("practices.title")}>
        <Loading />
      </Page>
    );
  }
  if (exercises.isError) {
    return (
      <Page title={t("practices.title")}>
        <LoadError message={t("practices.loadError")} retryLabel={t("practices.retry")} query={exercises} />
      </Page>
    );
  }
  const exercise = exercises.data.exercises.find((candidate) => candidate.id === exerciseId);
  if (!exercise) {
    return (
      <Page title={t("practices.title")}>
        <Alert tone="info">{t("practices.notFound")}</Alert>
        {back}
      </Page>
    );
  }
  return (
    <Page title={exercise.title}>
      {back}
      <p className="lead">{exercise.summary}</p>
      <p className="exercise-card__meta">
        <span>{t(`practices.practice.${exercise.practice}.title`)}</span>
        <span>{t("practices.minutes", { count: exercise.minutes })}</span>
        <span>{exercise.isJoint ? t("practices.joint") : t("practices.solo")}</span>
      </p>
      {exercise.isHeldBack ? (
        <div className="alert alert--info">
          <p className="alert__text">{t("practices.heldBackDetail")}</p>
          <p className="alert__text">
            <Link to="/help">{t("practices.helpLink")}</Link>
          </p>
        </div>
      ) : (
        <>
          {exercise.isSuggested && exercise.suggestionReason && (
            <p className="exercise-card__reason">{t("practices.why", { reason: exercise.suggestionReason })}</p>
          )}
          <section aria-labelledby="exercise-steps" className="card">
            <h2 id="exercise-steps">{t("practices.stepsTitle")}</h2>
            <ol className="exercise-steps">
              {exercise.steps.map((step, index) => (
                <li key={index}>{step}</li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="exercise-reflect" className="card">
            <h2 id="exercise-reflect">{t("practices.reflectTitle")}</h2>
            <p>{exercise.reflectionPrompt}</p>
            <CompletionForm exercise={exercise} />
          </section>
        </>
      )}
      <section aria-labelledby="exercise-history">
        <h2 id="exercise-history">{t("practices.historyTitle")}</h2>
        <CompletionHistory exerciseId={exercise.id} />
      </section>
    </Page>
  );
}
