import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { ResetPasswordForm } from "../../features/auth/components/reset-password-form";

// Open whether or not someone is signed in here: the link may be opened in a browser where
// another session is still on, and the reset ends that one too.
export function ResetPasswordRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t("passwordReset.resetTitle")} narrow>
      <ResetPasswordForm />
    </Page>
  );
}
