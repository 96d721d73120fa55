import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/alert";
import { Page } from "../../components/page";
import { useMe } from "../../features/auth/api/auth-api";
import { JourneyCard } from "../../features/profile/components/journey-card";
import { CheckInCard } from "../../features/check-in/components/check-in-card";

export function HomeRoute() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) {
    return (
      <p className="loading" role="status">
        {t("app.loading")}
      </p>
    );
  }
  if (me.isError) return <Alert tone="error">{t("app.networkError")}</Alert>;
  if (!me.data) {
    return (
      <Page title={t("home.welcomeTitle")}>
        <p className="lead">{t("home.welcomeBody")}</p>
        <p>{t("home.privacyPromise")}</p>
        <div className="actions">
          <Link className="button button--primary" to="/sign-up">
            {t("home.getStarted")}
          </Link>
          <Link className="button button--secondary" to="/sign-in">
            {t("home.haveAccount")}
          </Link>
        </div>
      </Page>
    );
  }
  return (
    <Page title={t("home.greeting", { name: me.data.name })}>
      {!me.data.emailVerified && <Alert tone="info">{t("home.verifyEmail")}</Alert>}
      <p className="lead">{t("home.signedInIntro")}</p>
      <JourneyCard />
      {/* Slot for the weekly check-in card (W2): add it below this line. */}
      <CheckInCard />
    </Page>
  );
}
