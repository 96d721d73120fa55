import { Link, Navigate, useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { useMe } from "../../features/auth/api/auth-api";
import { SignUpForm } from "../../features/auth/components/sign-up-form";

export function SignUpRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  if (me.data) return <Navigate to="/" replace />;
  return (
    <Page title={t("auth.signUpTitle")} narrow>
      <SignUpForm onSignedUp={() => void navigate("/", { replace: true })} />
      <p>
        {t("auth.haveAccount")} <Link to="/sign-in">{t("auth.signInInstead")}</Link>
      </p>
    </Page>
  );
}
