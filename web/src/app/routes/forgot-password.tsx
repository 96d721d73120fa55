import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { ForgotPasswordForm } from "../../features/auth/components/forgot-password-form";

export function ForgotPasswordRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t("passwordReset.forgotTitle")} narrow>
      <ForgotPasswordForm />
    </Page>
  );
}
