import { lazy, Suspense } from "react";
import { Link } from "react-router";
import { Alert } from "../../components/alert";
import { SessionUnavailable } from "../session-unavailable";
import { Page } from "../../components/page";
import { Loading } from "../../components/loading";
import { useSession } from "../../lib/session";
import { useShellText } from "../../lib/shell-text";
import { loadPageWithProviders } from "../page-loading";

// The cards (journey, this week's check-in), their text and the query cache load only for a signed-in person.
const HomeCards = lazy(async () => {
  const [cards, providers] = await loadPageWithProviders(() => import("./home-cards"), ["checkIn", "profile", "progress"]);
  const { PageProviders } = providers;
  return {
    default: () => (
      <PageProviders>
        <cards.HomeCards />
      </PageProviders>
    ),
  };
});

export function HomeRoute() {
  const t = useShellText();
  const me = useSession();
  if (me.isPending) {
    return <Loading />;
  }
  if (me.isError) return <SessionUnavailable />;
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
