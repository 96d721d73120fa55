import { Alert } from "../components/alert";
import { Page } from "../components/page";
import { retrySession } from "../lib/session";
import { useShellText } from "../lib/shell-text";

/**
 * What a page that needs to know who is signed in shows when the server cannot be asked: with no
 * connection (an installed app opened offline, decision 061), a page that says so plainly and
 * carries on by itself once the connection is back; otherwise the connection message.
 */
export function SessionUnavailable() {
  const t = useShellText();
  const isOffline = typeof navigator !== "undefined" && navigator.onLine === false;
  const retry = (
    <div className="actions">
      <button type="button" className="button button--secondary" onClick={retrySession}>
        {t("app.tryAgain")}
      </button>
    </div>
  );
  if (!isOffline)
    return (
      <Alert tone="error">
        <p className="alert__text">{t("app.networkError")}</p>
        {retry}
      </Alert>
    );
  return (
    <Page title={t("app.offlineTitle")} narrow>
      <p>{t("app.offlineBody")}</p>
      {retry}
    </Page>
  );
}
