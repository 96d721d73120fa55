import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { isRetakeOpen, useCurrentAssessment } from "../../../lib/api/assessment-api";
import { useConsent } from "../../../lib/api/consent-api";
import { useProfile } from "../../../lib/api/profile-api";
import { usePatternWords } from "../../../components/pattern-words";

/**
 * What the journey card needs, asked in turn: consent, then the person's assessments, then their
 * profile if they have one. `isPending` until the card can take its final shape.
 */
export function useJourney() {
  const consent = useConsent();
  const hasConsented = consent.data?.hasConsented === true;
  const current = useCurrentAssessment({ enabled: hasConsented });
  const hasCompleted = (current.data?.completedCount ?? 0) > 0;
  const profile = useProfile({ enabled: hasCompleted });
  const isError = consent.isError || current.isError || profile.isError;
  const isPending = !isError && (consent.isPending || (hasConsented && current.isPending) || (hasCompleted && profile.isPending));
  return { hasConsented, current, profile, isError, isPending };
}

/** The home page's "where am I up to": agree to the notice, take the profile, or see where you stand. */
export function JourneyCard() {
  const { t } = useTranslation();
  const words = usePatternWords();
  const { hasConsented, current, profile, isError, isPending } = useJourney();

  if (isError) return <Alert tone="error">{t("profile.home.error")}</Alert>;
  if (isPending) {
    return (
      <p className="loading" role="status">
        {t("profile.home.loading")}
      </p>
    );
  }
  if (!hasConsented) {
    return <NextStep title={t("profile.home.consentTitle")} body={t("profile.home.consentBody")} to="/consent" action={t("profile.home.consentAction")} />;
  }
  const inProgress = current.data?.inProgress;
  const view = profile.data?.profile;
  if (view) {
    return (
      <section aria-labelledby="journey-title" className="card journey">
        <h2 id="journey-title">{t("profile.home.standTitle")}</h2>
        <p>{t("profile.home.standBody", { pattern: words.name(view.pattern.code), we: Math.round(view.we), me: Math.round(view.me) })}</p>
        <div className="actions">
          <Link to="/profile" className="button button--primary">
            {t("profile.home.standAction")}
          </Link>
          {inProgress ? (
            <Link to="/assessment" className="button button--secondary">
              {t("profile.home.continueAction")}
            </Link>
          ) : (
            isRetakeOpen(current.data?.retakeAvailableAt ?? null) && (
              <Link to="/assessment" className="button button--secondary">
                {t("profile.home.retakeAction")}
              </Link>
            )
          )}
        </div>
      </section>
    );
  }
  if (inProgress) {
    const answered = Object.keys(inProgress.answers).length;
    return (
      <NextStep
        title={t("profile.home.continueTitle")}
        body={t("profile.home.continueBody", { answered, total: inProgress.totalCount })}
        to="/assessment"
        action={t("profile.home.continueAction")}
      />
    );
  }
  return <NextStep title={t("profile.home.takeTitle")} body={t("profile.home.takeBody")} to="/assessment" action={t("profile.home.takeAction")} />;
}

function NextStep({ title, body, to, action }: { title: string; body: string; to: string; action: string }) {
  return (
    <section aria-labelledby="journey-title" className="card journey">
      <h2 id="journey-title">{title}</h2>
      <p>{body}</p>
      <Link to={to} className="button button--primary">
        {action}
      </Link>
    </section>
  );
}
