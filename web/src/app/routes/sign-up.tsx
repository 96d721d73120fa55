import { Link, Navigate, useLocation, useNavigate, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { useMe } from "../../features/auth/api/auth-api";
import { SignUpForm } from "../../features/auth/components/sign-up-form";
import { afterSignInPath, otherAuthPagePath } from "../next-path";

export function SignUpRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const location = useLocation();
  const me = useMe();
  // A person sent here from a page (an invite link, say) goes back to it once signed up.
  const next = afterSignInPath(params.get("next"), location.hash);
  if (me.data) return <Navigate to={next} replace />;
  return (
    <Page title={t("auth.signUpTitle")} narrow>
      <SignUpForm onSignedUp={() => void navigate(next, { replace: true })} />
      <p>
        {t("auth.haveAccount")} <Link to={otherAuthPagePath("/sign-in", params.get("next"), location.hash)}>{t("auth.signInInstead")}</Link>
      </p>
    </Page>
  );
}
