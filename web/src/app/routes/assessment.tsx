import { Link, Navigate, useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/alert";
import { Button } from "../../components/button";
import { Page } from "../../components/page";
import { ApiRequestError } from "../../lib/api-client";
import { isRetakeOpen, useCurrentAssessment, useStartAssessment } from "../../lib/api/assessment-api";
import { AssessmentFlow } from "../../features/assessment/components/assessment-flow";
import { RequireConsent } from "../../features/consent/components/require-consent";
import { Loading } from "../../components/loading";
import { WhoCanSee } from "../../components/sharing/who-can-see";
import { LoadError } from "../../components/load-error";
import { intlLocale } from "../../lib/language";

const ITEM_COUNT_FALLBACK = 41;

/** The assessment, behind the consent notice: no answer is stored before the person agrees. */
export function AssessmentRoute() {
  return (
    <RequireConsent>
      <AssessmentScreen />
    </RequireConsent>
  );
}

function AssessmentScreen() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const current = useCurrentAssessment();
  const start = useStartAssessment();

  if (current.isPending) {
    return <Loading />;
  }
  if (current.isError) {
    return (
      <Page title={t("assessment.introTitle")}>
        <LoadError message={t("app.networkError")} retryLabel={t("assessment.retry")} query={current} />
      </Page>
    );
  }

  const { inProgress, completedCount, retakeAvailableAt } = current.data;
  if (inProgress) {
    return (
      <Page title={t("assessment.title")}>
        <AssessmentFlow key={inProgress.id} assessment={inProgress} onSubmitted={() => void navigate("/profile")} />
      </Page>
    );
  }

  if (start.error instanceof ApiRequestError && start.error.code === "CONSENT_REQUIRED") return <Navigate to="/consent?next=/assessment" replace />;
  const formatDate = (value: string | number) => new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: "long" }).format(new Date(value));
  const tooEarly = !isRetakeOpen(retakeAvailableAt);
  const isRetake = completedCount > 0;

  return (
    <Page title={isRetake ? t("assessment.retakeTitle") : t("assessment.introTitle")}>
      {isRetake && <p className="lead">{t("assessment.retakeLead")}</p>}
      {!isRetake && <p className="lead">{t("assessment.introLead", { count: ITEM_COUNT_FALLBACK })}</p>}
      <p>{t("assessment.introHow")}</p>
      <p>{t("assessment.introSaved")}</p>
      <WhoCanSee subject="profile-answers" className="" />
      <p>{t("assessment.introPrivate")}</p>
      {start.isError && !(start.error instanceof ApiRequestError && start.error.code === "RETAKE_TOO_EARLY") && (
        <Alert tone="error">{t("assessment.startError")}</Alert>
      )}
      {tooEarly || (start.error instanceof ApiRequestError && start.error.code === "RETAKE_TOO_EARLY") ? (
        <>
          <Alert tone="info">{t("assessment.retakeTooEarly", { date: retakeAvailableAt ? formatDate(retakeAvailableAt) : "" })}</Alert>
          <div className="actions">
            <Link className="button button--primary" to="/profile">
              {t("assessment.seeProfile")}
            </Link>
          </div>
        </>
      ) : (
        <div className="actions">
          <Button onClick={() => start.mutate()} busy={start.isPending}>
            {start.isPending ? t("assessment.starting") : isRetake ? t("assessment.retakeStart") : t("assessment.start")}
          </Button>
        </div>
      )}
    </Page>
  );
}
