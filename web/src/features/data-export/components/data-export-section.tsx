import { useTranslation } from "react-i18next";

/**
 * Download links for everything the person has. Plain links: the browser sends the session
 * cookie and the server answers with an attachment, so no JavaScript holds the data.
 */
export function DataExportSection() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="account-export" className="card">
      <h2 id="account-export">{t("dataExport.title")}</h2>
      <p>{t("dataExport.intro")}</p>
      <p className="muted">{t("dataExport.warning")}</p>
      <ul className="data-export__links">
        <li>
          <a className="button button--secondary" href="/api/export" download>
            {t("dataExport.json")}
          </a>
        </li>
        <li>
          <a className="button button--secondary" href="/api/export/fhir" download aria-describedby="account-export-fhir-hint">
            {t("dataExport.fhir")}
          </a>
          <p id="account-export-fhir-hint" className="field__hint">
            {t("dataExport.fhirHint")}
          </p>
        </li>
      </ul>
    </section>
  );
}
