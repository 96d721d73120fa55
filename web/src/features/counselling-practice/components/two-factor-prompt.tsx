import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";

/** Shown to anyone in a practice without two-step sign-in: no client's data until it is on. */
export function TwoFactorPrompt() {
  const { t } = useTranslation();
  return (
    <Alert tone="info">
      <strong>{t("counsellingPractice.twoFactorPrompt")}</strong> <Link to="/account/two-factor">{t("counsellingPractice.twoFactorLink")}</Link>
    </Alert>
  );
}
