import { Link, useNavigate, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/alert";
import { Page } from "../../components/page";
import { useConsent } from "../../lib/api/consent-api";
import { ConsentForm, ConsentNotice } from "../../features/consent/components/consent-form";
import { safeNextPath } from "../../lib/next-path";
import { Loading } from "../../components/loading";
import { intlLocale } from "../../lib/language";

export function ConsentRoute() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const consent = useConsent();
  const next = params.has("next") ? safeNextPath(params.get("next")) : "/assessment";
  return (
    <Page title={t("consent.title")}>
      {consent.isPending && <Loading />}
      {consent.isError && <Alert tone="error">{t("app.networkError")}</Alert>}
      {consent.data?.hasConsented && (
        <>
          <ConsentNotice />
          <Alert tone="success">
            {t("consent.alreadyAgreed", {
              date: consent.data.consentedAt
                ? new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: "long" }).format(new Date(consent.data.consentedAt))
                : "",
            })}
          </Alert>
          <div className="actions">
            <Link className="button button--primary" to={next}>
              {t("consent.continue")}
            </Link>
          </div>
        </>
      )}
      {consent.data && !consent.data.hasConsented && (
        <ConsentForm noticeVersion={consent.data.noticeVersion} onAgreed={() => void navigate(next, { replace: true })} />
      )}
    </Page>
  );
}
