import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { useMe } from "../../lib/api/auth-api";
import { TwoFactorSettings } from "../../features/two-factor/components/two-factor-settings";

export function TwoFactorRoute() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data) return null;
  return (
    <Page title={t("twoFactor.pageTitle")} narrow>
      <section className="card">
        <TwoFactorSettings enabled={me.data.twoFactorEnabled} />
      </section>
      <p>
        <Link to="/account">{t("account.title")}</Link>
      </p>
    </Page>
  );
}
