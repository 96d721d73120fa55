import { lazy, Suspense } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/alert";
import { Page } from "../../components/page";
import { useMe } from "../../lib/api/auth-api";
import { loadLaterText } from "../../lib/i18n";
import { Loading } from "../../components/loading";

// The cards (journey, this week's check-in) and their text load only for a signed-in person.
const HomeCards = lazy(async () => {
  const [cards] = await Promise.all([import("./home-cards"), loadLaterText()]);
  return { default: cards.HomeCards };
});

export function HomeRoute() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) {
    return <Loading />;
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
      <Suspense fallback={<Loading />}>
        <HomeCards />
      </Suspense>
    </Page>
  );
}
