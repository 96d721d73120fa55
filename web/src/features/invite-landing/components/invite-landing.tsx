import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { InviteKind } from "@mutual/core";
import { Alert } from "../../../components/alert";
import { Loading } from "../../../components/loading";
import { LoadError } from "../../../components/load-error";
import { Page } from "../../../components/page";
import { ApiRequestError } from "../../../lib/api-client";
import { useInvitePreview } from "../api/invite-preview-api";

type Props = {
  kind: InviteKind;
  /** The partner's or client's code, or the colleague invitation's id, as the link carries it. */
  code: string;
  /** Where the invite is accepted, with the code in its fragment: sign-up and sign-in come back here. */
  joinPath: string;
};

/** With `next` and the fragment, as the sign-in and sign-up pages carry them on (lib/next-path.ts). */
function authPath(page: "/sign-up" | "/sign-in", joinPath: string): string {
  const [path = "/", fragment] = joinPath.split("#");
  return `${page}?next=${encodeURIComponent(path)}${fragment === undefined ? "" : `#${fragment}`}`;
}

/**
 * An invite link opened by someone not signed in (issue 19): who invites them and to what, what
 * Mutual is, then "Create an account" first and "I have an account"; either comes back to accept.
 */
export function InviteLanding({ kind, code, joinPath }: Props) {
  const { t } = useTranslation();
  const preview = useInvitePreview(kind, code);

  if (preview.isPending) return <Loading />;
  if (preview.isError) {
    const reason = preview.error instanceof ApiRequestError ? preview.error.code : undefined;
    if (reason === "INVITE_NOT_VALID" || reason === "TOO_MANY_ATTEMPTS") {
      return (
        <Page title={t("inviteLanding.notValidTitle")} narrow>
          <Alert tone={reason === "TOO_MANY_ATTEMPTS" ? "error" : "info"}>
            {reason === "TOO_MANY_ATTEMPTS" ? t("inviteLanding.tooMany") : t("inviteLanding.notValidBody")}
          </Alert>
          <p>
            <Link to="/">{t("inviteLanding.home")}</Link>
          </p>
        </Page>
      );
    }
    return (
      <Page title={t("inviteLanding.notValidTitle")} narrow>
        <LoadError message={t("inviteLanding.loadError")} retryLabel={t("inviteLanding.retry")} query={preview} />
      </Page>
    );
  }

  const names = { name: preview.data.inviter.name, practice: preview.data.practice?.name ?? "" };
  return (
    <Page title={t(`inviteLanding.title.${kind}`, names)} narrow>
      <p className="lead">{t(`inviteLanding.what.${kind}`, names)}</p>
      <section aria-labelledby="invite-about" className="card">
        <h2 id="invite-about">{t("inviteLanding.aboutTitle")}</h2>
        <p>{t("home.welcomeBody")}</p>
        <p className="muted">{t("home.privacyPromise")}</p>
      </section>
      <div className="actions">
        <Link className="button button--primary" to={authPath("/sign-up", joinPath)}>
          {t("inviteLanding.start")}
        </Link>
        <Link className="button button--secondary" to={authPath("/sign-in", joinPath)}>
          {t("inviteLanding.haveAccount")}
        </Link>
      </div>
      <p className="muted">{t("inviteLanding.afterSignUp")}</p>
    </Page>
  );
}
