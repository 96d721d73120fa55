import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { ApiRequestError } from "../../../lib/api-client";
import { useDiscardAssessment, useSubmitAssessment, type InProgressAssessment } from "../../../lib/api/assessment-api";
import { buildSteps, findResumeStep } from "./assessment-steps";
import { LikertQuestion } from "./likert-question";
import { useAnswerSaver, type SaveStatus } from "./use-answer-saver";
import { AutoAdvanceSetting, useAutoAdvance } from "./auto-advance";
import { WhoCanSee } from "../../../components/sharing/who-can-see";
import { intlLocale } from "../../../lib/language";

type AssessmentFlowProps = { assessment: InProgressAssessment; onSubmitted: () => void };

/**
 * The profile, one statement per screen: resumes at the first unanswered statement, saves each
 * choice at once, allows going back to change answers, and ends with a review and submit.
 */
export function AssessmentFlow({ assessment, onSubmitted }: AssessmentFlowProps) {
  const { t } = useTranslation();
  const steps = useMemo(() => buildSteps(assessment.sections), [assessment.sections]);
  const saver = useAnswerSaver(assessment.id, assessment.answers);
  const [stepIndex, setStepIndex] = useState(() => findResumeStep(steps, assessment.answers));
  const [hasMoved, setHasMoved] = useState(false);
  const [isConfirmingStartOver, setIsConfirmingStartOver] = useState(false);
  const [autoAdvance, setAutoAdvance] = useAutoAdvance();
  const focusTarget = useRef<HTMLElement | null>(null);
  const setFocusTarget = (element: HTMLElement | null) => {
    focusTarget.current = element;
  };

  // After Next or Back, move focus to the new statement so keyboard and screen-reader users
  // start from it; on first arrival the page heading has focus instead.
  useEffect(() => {
    if (hasMoved) focusTarget.current?.focus();
  }, [stepIndex, hasMoved]);

  const goTo = (index: number) => {
    setHasMoved(true);
    setStepIndex(Math.max(0, Math.min(steps.length - 1, index)));
  };

  const step = steps[stepIndex] ?? { kind: "review" as const };
  const total = steps.filter((entry) => entry.kind === "item").length;
  const answered = steps.filter((entry) => entry.kind === "item" && saver.answers[entry.item.id] !== undefined).length;

  const onNext = (event: FormEvent) => {
    event.preventDefault();
    goTo(stepIndex + 1);
  };

  return (
    <div className="assessment">
      {/* On a shared device, someone else may have begun this profile: say so on arrival. */}
      {!hasMoved && assessment.answeredCount > 0 && !isConfirmingStartOver && (
        <ResumeNotice
          startedAt={assessment.startedAt}
          answered={assessment.answeredCount}
          total={assessment.totalCount}
          onNotMe={() => setIsConfirmingStartOver(true)}
        />
      )}
      {/* Back sits above the question, so from the answers Tab goes straight to Next. */}
      <div className="assessment__back">
        {stepIndex > 0 && (
          <Button variant="link" onClick={() => goTo(stepIndex - 1)}>
            <span aria-hidden="true">←</span>
            {t("assessment.back")}
          </Button>
        )}
      </div>
      <div className="assessment__progress">
        <p className="assessment__position">
          {step.kind === "item" ? t("assessment.position", { current: step.number, total }) : t("assessment.answeredSummary", { answered, total })}
        </p>
        <progress className="assessment__bar" max={total} value={answered} aria-label={t("assessment.progressLabel")} />
      </div>

      {saver.unsavedIds.length > 0 && !(step.kind === "item" && saver.unsavedIds.includes(step.item.id)) && (
        <div className="alert alert--error assessment__unsaved" role="alert">
          <p>{t("assessment.unsavedBanner", { count: saver.unsavedIds.length })}</p>
          <Button variant="secondary" onClick={() => void saver.retryFailed()}>
            {t("assessment.retryAll")}
          </Button>
        </div>
      )}

      {step.kind === "item" && (
        <form onSubmit={onNext} className="assessment__step">
          {step.section === "safety-check" && <WhoCanSee subject="safety-check" className="assessment__private" />}
          <LikertQuestion
            key={step.item.id}
            itemId={step.item.id}
            statement={step.item.text}
            scale={assessment.scale}
            lang={assessment.language}
            value={saver.answers[step.item.id]}
            onChange={(value, byPointer) => {
              saver.choose(step.item.id, value);
              if (autoAdvance && byPointer) goTo(stepIndex + 1);
            }}
            legendRef={setFocusTarget}
          />
          <SaveState status={saver.statuses[step.item.id]} onRetry={() => void saver.retry(step.item.id)} />
          <div className="assessment__nav">
            <Button type="submit">{saver.answers[step.item.id] === undefined ? t("assessment.skip") : t("assessment.next")}</Button>
          </div>
        </form>
      )}

      {step.kind === "safety-intro" && (
        <form onSubmit={onNext} className="assessment__step">
          <section className="card assessment__safety" aria-labelledby="safety-check-title">
            <h2 id="safety-check-title" ref={setFocusTarget} tabIndex={-1}>
              {t("assessment.safetyTitle")}
            </h2>
            <p>{t("assessment.safetyLead")}</p>
            <WhoCanSee subject="safety-check" className="audience--strong" />
            <p>{t("assessment.safetySkip")}</p>
          </section>
          <div className="assessment__nav">
            <Button type="submit">{t("assessment.continue")}</Button>
          </div>
        </form>
      )}

      {step.kind === "review" && (
        <ReviewStep
          assessment={assessment}
          steps={steps}
          answers={saver.answers}
          answered={answered}
          total={total}
          headingRef={setFocusTarget}
          onJump={goTo}
          retryFailed={saver.retryFailed}
          onSubmitted={onSubmitted}
        />
      )}

      <StartOver assessmentId={assessment.id} isConfirming={isConfirmingStartOver} setIsConfirming={setIsConfirmingStartOver} />
      {/* The option comes after the question and its buttons, so it never stands between a
          keyboard user and the answers. */}
      <AutoAdvanceSetting isOn={autoAdvance} onChange={setAutoAdvance} />
    </div>
  );
}

function SaveState({ status, onRetry }: { status: SaveStatus | undefined; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="save-state">
      <p className="save-state__text" role="status">
        {status === "saving" ? t("assessment.saving") : status === "saved" ? t("assessment.saved") : ""}
      </p>
      {status === "error" && (
        <div className="alert alert--error" role="alert">
          <p>{t("assessment.saveFailed")}</p>
          <Button variant="secondary" onClick={onRetry}>
            {t("assessment.retry")}
          </Button>
        </div>
      )}
    </div>
  );
}

type ReviewStepProps = {
  assessment: InProgressAssessment;
  steps: ReturnType<typeof buildSteps>;
  answers: Readonly<Record<string, number>>;
  answered: number;
  total: number;
  headingRef: (element: HTMLElement | null) => void;
  onJump: (index: number) => void;
  retryFailed: () => Promise<boolean>;
  onSubmitted: () => void;
};

const DIMENSION_CODES = ["CLOSE", "SUPPORT", "ACCEPT", "VOICE", "SELF", "TIES", "RELY"] as const;

function ReviewStep({ assessment, steps, answers, answered, total, headingRef, onJump, retryFailed, onSubmitted }: ReviewStepProps) {
  const { t, i18n } = useTranslation();
  const submit = useSubmitAssessment();
  const [problem, setProblem] = useState<string | null>(null);
  const skipped = steps.flatMap((step, index) => (step.kind === "item" && answers[step.item.id] === undefined ? [{ step, index }] : []));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!(await retryFailed())) {
      setProblem(t("assessment.submitUnsaved"));
      return;
    }
    submit.mutate(assessment.id, {
      onSuccess: onSubmitted,
      onError: (error) => setProblem(error instanceof ApiRequestError && error.status === 422 ? describeIncomplete(error) : t("assessment.submitError")),
    });
  };

  /** Names the parts of the profile that still lack answers (the server lists them by dimension). */
  function describeIncomplete(error: ApiRequestError) {
    const known = new Set<string>(DIMENSION_CODES);
    const parts = error.fields
      .filter((field) => known.has(field.path))
      .map((field) => t(`assessment.dimensionNames.${field.path as (typeof DIMENSION_CODES)[number]}`));
    if (parts.length === 0) return t("assessment.incomplete");
    return `${t("assessment.incomplete")} ${t("assessment.incompleteParts", { parts: new Intl.ListFormat(intlLocale(i18n.language), { type: "conjunction" }).format(parts) })}`;
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} className="assessment__step">
      <h2 ref={headingRef} tabIndex={-1}>
        {t("assessment.reviewTitle")}
      </h2>
      <p>{t("assessment.reviewAnswered", { answered, total })}</p>
      {skipped.length > 0 && (
        <>
          <p>{t("assessment.reviewSkipped", { count: skipped.length })}</p>
          <p className="muted">{t("assessment.reviewSkippedNote")}</p>
          <ul className="assessment__skipped">
            {skipped.map(({ step, index }) =>
              step.kind === "item" ? (
                <li key={step.item.id}>
                  <Button variant="link" onClick={() => onJump(index)}>
                    {t("assessment.answerSkipped", { number: step.number, text: step.item.text })}
                  </Button>
                </li>
              ) : null,
            )}
          </ul>
        </>
      )}
      {problem && <Alert tone="error">{problem}</Alert>}
      <div className="assessment__nav">
        <Button type="submit" busy={submit.isPending}>
          {submit.isPending ? t("assessment.submitting") : t("assessment.submit")}
        </Button>
      </div>
    </form>
  );
}

/** "You started this on …": lets a person on a shared device notice answers that are not theirs. */
function ResumeNotice({ startedAt, answered, total, onNotMe }: { startedAt: string; answered: number; total: number; onNotMe: () => void }) {
  const { t, i18n } = useTranslation();
  const started = new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: "long", timeStyle: "short" }).format(new Date(startedAt));
  return (
    <div className="alert alert--info assessment__resume" role="status">
      <p>{t("assessment.resumeNotice", { date: started, answered, total })}</p>
      <Button variant="link" onClick={onNotMe}>
        {t("assessment.notYou")}
      </Button>
    </div>
  );
}

type StartOverProps = { assessmentId: string; isConfirming: boolean; setIsConfirming: (value: boolean) => void };

function StartOver({ assessmentId, isConfirming, setIsConfirming }: StartOverProps) {
  const { t } = useTranslation();
  const discard = useDiscardAssessment();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (isConfirming) heading.current?.focus();
  }, [isConfirming]);

  if (!isConfirming) {
    return (
      <div className="assessment__start-over">
        <Button variant="link" onClick={() => setIsConfirming(true)}>
          {t("assessment.startOver")}
        </Button>
      </div>
    );
  }
  return (
    <section className="card card--danger assessment__start-over" aria-labelledby="start-over-title">
      <h2 id="start-over-title" ref={heading} tabIndex={-1}>
        {t("assessment.startOverTitle")}
      </h2>
      <p>{t("assessment.startOverBody")}</p>
      {discard.isError && <Alert tone="error">{t("assessment.startOverError")}</Alert>}
      <div className="actions">
        <Button variant="danger" busy={discard.isPending} onClick={() => discard.mutate(assessmentId)}>
          {t("assessment.startOverConfirm")}
        </Button>
        <Button variant="secondary" onClick={() => setIsConfirming(false)}>
          {t("assessment.startOverCancel")}
        </Button>
      </div>
    </section>
  );
}
