import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { useRevokeOtherSessions, useRevokeSession, useSessions } from "../../../lib/api/auth-api";
import { describeAccountError } from "../../../lib/server-message";
import { describeDevice } from "./describe-device";
import { intlLocale } from "../../../lib/language";

/** Where the person is signed in, with a way to end any other session. */
export function SessionList() {
  const { t, i18n } = useTranslation();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();

  if (sessions.isPending) return <p role="status">{t("app.loading")}</p>;
  if (sessions.isError) return <Alert tone="error">{describeAccountError(sessions.error, t)}</Alert>;

  const { currentToken } = sessions.data;
  const others = sessions.data.sessions.filter((session) => session.token !== currentToken);
  const dateFormat = new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: "medium", timeStyle: "short" });
  const ordered = [...sessions.data.sessions].sort((a, b) => Number(b.token === currentToken) - Number(a.token === currentToken));

  return (
    <div className="sessions">
      <p>{t("account.sessionsNote")}</p>
      {(revoke.isError || revokeOthers.isError) && <Alert tone="error">{describeAccountError(revoke.error ?? revokeOthers.error, t)}</Alert>}
      {revoke.isSuccess && <Alert tone="success">{t("account.sessionEnded")}</Alert>}
      {revokeOthers.isSuccess && <Alert tone="success">{t("account.sessionsEnded")}</Alert>}
      <ul className="sessions__list">
        {ordered.map((session) => {
          const device = describeDevice(session.userAgent) ?? t("account.unknownDevice");
          const isCurrent = session.token === currentToken;
          return (
            <li key={session.id} className="sessions__item">
              <div>
                <strong>{device}</strong>
                {isCurrent && <span className="badge">{t("account.thisDevice")}</span>}
                <div className="muted">{t("account.signedInAt", { date: dateFormat.format(new Date(session.createdAt)) })}</div>
              </div>
              {!isCurrent && (
                <Button
                  variant="secondary"
                  onClick={() => revoke.mutate(session.token)}
                  busy={revoke.isPending && revoke.variables === session.token}
                  aria-label={t("account.endSessionLabel", { device })}
                >
                  {t("account.endSession")}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {others.length > 0 ? (
        <Button variant="secondary" onClick={() => revokeOthers.mutate(undefined)} busy={revokeOthers.isPending}>
          {t("account.endOtherSessions")}
        </Button>
      ) : (
        <p className="muted">{t("account.noOtherSessions")}</p>
      )}
    </div>
  );
}
