import { useState } from "react";
import { Link, Navigate, useLocation, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { useMe } from "../../lib/api/auth-api";
import { SignUpCheckEmail } from "../../features/auth/components/sign-up-check-email";
import { SignUpForm } from "../../features/auth/components/sign-up-form";
import { afterSignInPath, otherAuthPagePath } from "../../lib/next-path";

export function SignUpRoute() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const location = useLocation();
  const me = useMe();
  // What the form sent, kept for coming back to change the address; `sent` while the email view shows.
  const [typed, setTyped] = useState<{ name: string; email: string; password: string } | undefined>();
  const [sent, setSent] = useState(false);
  // A person sent here from a page (an invite link, say) goes back to it once signed up: the
  // emailed link carries it, fragment and all.
  const next = afterSignInPath(params.get("next"), location.hash);
  const signInPath = otherAuthPagePath("/sign-in", params.get("next"), location.hash);
  if (me.data) return <Navigate to={next} replace />;
  if (sent && typed) {
    return (
      <Page title={t("signUpEmail.checkTitle")} narrow>
        <SignUpCheckEmail email={typed.email} next={next} signInPath={signInPath} onChangeAddress={() => setSent(false)} />
      </Page>
    );
  }
  return (
    <Page title={t("auth.signUpTitle")} narrow>
      <SignUpForm
        next={next}
        initial={typed}
        onSignedUp={(values) => {
          setTyped(values);
          setSent(true);
        }}
      />
      <p>
        {t("auth.haveAccount")} <Link to={signInPath}>{t("auth.signInInstead")}</Link>
      </p>
    </Page>
  );
}
