import { Link, Navigate, useLocation, useNavigate, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/alert";
import { Page } from "../../components/page";
import { useMe } from "../../lib/api/auth-api";
import { SignInForm } from "../../features/auth/components/sign-in-form";
import { afterSignInPath, otherAuthPagePath } from "../../lib/next-path";
import { usePractices } from "../../lib/api/practice-api";
import { counsellorPathsOf } from "../../lib/counsellor-home";
import { Loading } from "../../components/loading";

/**
 * Where a signed-in person goes without a page to return to: a practice member to their clients,
 * everyone else to their journey on the home page (decision 057).
 */
function LandingPage() {
  const practices = usePractices();
  if (practices.isPending) return <Loading />;
  return <Navigate to={counsellorPathsOf(practices.data?.practices)?.clients ?? "/"} replace />;
}

export function SignInRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const location = useLocation();
  const hasNext = params.get("next") !== null;
  const next = afterSignInPath(params.get("next"), location.hash);
  if (me.data) return hasNext ? <Navigate to={next} replace /> : <LandingPage />;
  return (
    <Page title={t("auth.signInTitle")} narrow>
      {params.has("signedOut") && <Alert tone="success">{t("auth.signedOut")}</Alert>}
      {params.has("deleted") && <Alert tone="success">{t("auth.deleted")}</Alert>}
      {/* Without a page to return to, the signed-in person's landing page follows from the render above. */}
      <SignInForm onSignedIn={() => hasNext && void navigate(next, { replace: true })} />
      <p>
        <Link to="/forgot-password">{t("passwordReset.forgotLink")}</Link>
      </p>
      <p>
        {t("auth.noAccount")} <Link to={otherAuthPagePath("/sign-up", params.get("next"), location.hash)}>{t("auth.createOne")}</Link>
      </p>
    </Page>
  );
}
