import { Link, Navigate, useLocation, useNavigate, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/alert";
import { Page } from "../../components/page";
import { useMe } from "../../lib/api/auth-api";
import { SignInForm } from "../../features/auth/components/sign-in-form";
import { afterSignInPath, otherAuthPagePath } from "../../lib/next-path";

export function SignInRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const location = useLocation();
  const next = afterSignInPath(params.get("next"), location.hash);
  if (me.data) return <Navigate to={next} replace />;
  return (
    <Page title={t("auth.signInTitle")} narrow>
      {params.has("signedOut") && <Alert tone="success">{t("auth.signedOut")}</Alert>}
      {params.has("deleted") && <Alert tone="success">{t("auth.deleted")}</Alert>}
      <SignInForm onSignedIn={() => void navigate(next, { replace: true })} />
      <p>
        <Link to="/forgot-password">{t("passwordReset.forgotLink")}</Link>
      </p>
      <p>
        {t("auth.noAccount")} <Link to={otherAuthPagePath("/sign-up", params.get("next"), location.hash)}>{t("auth.createOne")}</Link>
      </p>
    </Page>
  );
}
