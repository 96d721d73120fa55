import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { ApiRequestError } from "../lib/api-client";

/** True when the server refused a save because the person has not agreed to the notice yet. */
export function isConsentRequired(error: unknown): boolean {
  return error instanceof ApiRequestError && error.code === "CONSENT_REQUIRED";
}

/** Sends the person to the privacy notice first, and back to `next` once they agree. */
export function ConsentFirst({ next }: { next: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="consent-first-title" className="card consent-first">
      <h2 id="consent-first-title">{t("checkIn.consentFirst.title")}</h2>
      <p>{t("checkIn.consentFirst.body")}</p>
      <Link className="button button--primary" to={`/consent?next=${encodeURIComponent(next)}`}>
        {t("checkIn.consentFirst.action")}
      </Link>
    </section>
  );
}
