import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { ConfirmEmail } from "../../features/auth/components/confirm-email";

// Open whether or not someone is signed in here: the link may be opened in a browser where
// another person's session is on. Confirming signs nobody in; the page then asks the link's
// owner to sign in, which replaces that session (decision 020).
export function ConfirmEmailRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t("signUpEmail.confirmTitle")} narrow>
      <ConfirmEmail />
    </Page>
  );
}
